package org.rencontres.registration;

/** No registration has this id. */
public class NoSuchRegistrationException extends RegistrationException {

    public NoSuchRegistrationException(long id) {
        super("No registration " + id);
    }
}
