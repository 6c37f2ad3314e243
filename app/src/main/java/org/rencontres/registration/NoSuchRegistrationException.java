package org.rencontres.registration;

/** No registration has this id. */
class NoSuchRegistrationException extends RegistrationException {

    public NoSuchRegistrationException(long id) {
        super("No registration " + id);
    }
}
