package org.rencontres.registration;

/**
 * A registration changed state ({@code registration} as it is after the change). Published inside
 * the change's transaction and heard there, synchronously, by {@link RegistrationMails}: the state
 * machine knows nothing of e-mails. Public so that webhooks hear it too.
 */
public record RegistrationChanged(Registration registration, RegistrationState from, RegistrationState to, String reason) {
}
