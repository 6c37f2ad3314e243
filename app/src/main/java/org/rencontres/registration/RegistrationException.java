package org.rencontres.registration;

/** A registration operation the rules do not allow; nothing was changed. */
abstract class RegistrationException extends RuntimeException {

    RegistrationException(String message) {
        super(message);
    }
}
