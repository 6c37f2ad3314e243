package org.rencontres.privacy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An agent's request to erase their personal data and what became of it.
 *
 * @param dayIds  the sessions where the address had a registration when it asked: their organisers handle it
 * @param outcome what was erased and kept (one line each), or why it was refused; null while pending
 */
record ErasureRequest(long id, String email, long registrationId, List<Long> dayIds, String language,
                      Instant requestedAt, String reason, State state, String handledBy, Instant handledAt,
                      String outcome) {

    enum State { PENDING, ERASED, REFUSED }

    ErasureRequest {
        dayIds = List.copyOf(dayIds);
    }

    public boolean pending() {
        return state == State.PENDING;
    }

    /** Whole days since the request (0 on the day it was made). */
    public long waitingDays(Instant now) {
        return Math.max(0, Duration.between(requestedAt, now).toDays());
    }

    /** The outcome's lines, as e-mailed. */
    public List<String> outcomeLines() {
        return outcome == null ? List.of() : outcome.lines().toList();
    }
}
