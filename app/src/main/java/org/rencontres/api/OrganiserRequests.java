package org.rencontres.api;

/** The bodies the organiser API's writing operations take (JSON). */
final class OrganiserRequests {

    private OrganiserRequests() {
    }

    /** A refusal (the reason is required) or an optional comment on another move. */
    record Reason(String motif) {
    }

    /**
     * A check-in.
     *
     * @param jour the day of the session (ISO date); may be left out for a session of one day
     * @param demiJournee "matin" or "apres-midi"
     */
    record CheckIn(Long inscription, String jour, String demiJournee) {
    }
}
