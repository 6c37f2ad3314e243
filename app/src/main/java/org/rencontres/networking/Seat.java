package org.rencontres.networking;

/**
 * A participant at a table.
 *
 * @param registrationId the registration the participant was imported from, or null when typed by hand
 * @param organisation   the employer's name, or null
 */
record Seat(long participantId, Long registrationId, String name, String organisation) {
}
