package org.rencontres.registration;

import java.time.Instant;

/** A seat offer was answered after its deadline; the seat passes on to the next on the waiting list. */
class OfferExpiredException extends RegistrationException {

    private final Instant deadline;

    public OfferExpiredException(Instant deadline) {
        super("The offer expired at " + deadline);
        this.deadline = deadline;
    }

    public Instant deadline() {
        return deadline;
    }
}
