package org.rencontres.registration;

/** The state machine does not allow this move from the registration's current state. */
class IllegalTransitionException extends RegistrationException {

    private final RegistrationState from;
    private final RegistrationState to;

    public IllegalTransitionException(RegistrationState from, RegistrationState to) {
        super(to == null ? "A " + from + " registration has no next step"
                : "A registration cannot go from " + from + " to " + to);
        this.from = from;
        this.to = to;
    }

    public RegistrationState from() {
        return from;
    }

    /** The state asked for; null when the caller asked for "the next step" and there is none. */
    public RegistrationState to() {
        return to;
    }
}
