package org.rencontres.registration;

/** A refusal must say why. */
class ReasonRequiredException extends RegistrationException {

    public ReasonRequiredException() {
        super("A refusal needs a reason");
    }
}
