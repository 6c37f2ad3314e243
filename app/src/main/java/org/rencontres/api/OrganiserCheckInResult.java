package org.rencontres.api;

/**
 * What came of a check-in through the API.
 *
 * @param resultat RECORDED, REPLAYED or ALREADY_PRESENT
 * @param heure the local time of the presence recorded (HH:mm)
 * @param message the welcome desk's French message
 */
record OrganiserCheckInResult(long inscription, String jour, String demiJournee, String resultat, String heure,
                              String message) {
}
