package org.rencontres.event;

/** Another day already has that session code (whatever its spacing and case). */
class DuplicateSessionCodeException extends RuntimeException {
    public DuplicateSessionCodeException(SessionCode code) {
        super("Session code already used: " + code);
    }
}
