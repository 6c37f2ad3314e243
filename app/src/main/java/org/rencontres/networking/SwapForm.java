package org.rencontres.networking;

/**
 * A swap of two participants' tables in one round, as typed.
 *
 * @param tour the round, from 1 as the page shows it
 */
record SwapForm(String tour, String premier, String second) {
}
