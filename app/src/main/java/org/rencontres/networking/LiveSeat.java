package org.rencontres.networking;

/**
 * A participant at a table.
 *
 * @param key the participant's identifier in the plan (e.g. "p42"), the same in every round
 */
record LiveSeat(String key, String name) {
}
