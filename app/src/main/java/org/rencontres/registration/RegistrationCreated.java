package org.rencontres.registration;

/**
 * A registration was requested (state REQUESTED): published in the request's transaction, for the modules
 * above that tell the outside world (webhooks). Its later moves are {@link RegistrationChanged}.
 */
public record RegistrationCreated(long registrationId, long dayId) {
}
