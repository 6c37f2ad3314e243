package org.rencontres.networking;

/**
 * One participant's tables in a live rotation.
 *
 * @param now the table they sit at (during a changeover: the one they go to); null when the round has none for them
 * @param next their table in the round after, or null
 * @param state the rotation's clock
 */
record LiveSeatNow(String key, String name, LiveTable now, LiveTable next, LiveState state) {
}
