package org.rencontres.attendance;

/**
 * A certificate of attendance was issued (a registrant's, or a walk-in's when {@code registrationId} is null):
 * published in the transaction that stores it.
 */
public record CertificateIssued(long dayId, Long registrationId, Long walkInId, String code) {
}
