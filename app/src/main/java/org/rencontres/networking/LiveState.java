package org.rencontres.networking;

import java.time.Instant;

/**
 * Everything a screen of a live rotation needs, as of {@code serverNow} (the database's clock).
 *
 * @param round the round in progress, or during a changeover the one that just ended (0 before the start)
 * @param endsAt when the current phase ends (RUNNING only, else null)
 * @param remainingMillis what is left of the current phase: frozen while PAUSED, a whole round before the start
 * @param nextStartsAt when the round after {@code current} begins, if the clock runs and there is one
 * @param current the round people sit at now; during a changeover, the one they are moving to; null when finished
 * @param next the round after {@code current}, null after the last one
 */
record LiveState(long sessionId, long dayId, long version, LiveStatus status, LivePhase phase, int round,
                        int roundCount, int roundSeconds, int changeoverSeconds, Instant endsAt, long remainingMillis,
                        Instant serverNow, Instant nextStartsAt, LiveRound current, LiveRound next) {

    /** Whole seconds left, rounded up as a countdown shows them. */
    public long secondsLeft() {
        return (remainingMillis + 999) / 1000;
    }

    /** The round shown as "current": the one in progress, or the one people are moving to. */
    public int shownRound() {
        return current == null ? round : current.number();
    }

    /** The countdown as a clock shows it, "9:05". */
    public String clock() {
        long s = secondsLeft();
        return (s / 60) + ":" + String.format("%02d", s % 60);
    }
}
