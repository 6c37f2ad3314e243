package org.rencontres.attendance;

import java.time.Instant;

/**
 * A person expected or seen at a day, with their presence for one half-day.
 *
 * @param registrationId the registration, or null for a walk-in
 * @param walkInId the walk-in, or null for a registered person
 * @param state the registration's state ("CONFIRMED"…), or null for a walk-in
 * @param presenceId the attendance row, or null when absent
 * @param presentAt when the person was marked present, or null
 * @param signedAt when the person signed, or null when there is no signature
 * @param correction the reason an organiser gave when marking the person present afterwards, or null
 */
public record Attendee(Long registrationId, Long walkInId, String surname, String givenName, String organisation,
                       String state, Long presenceId, Instant presentAt, String recordedBy, Instant signedAt,
                       String correction) {

    public boolean walkIn() {
        return walkInId != null;
    }

    public boolean present() {
        return presenceId != null;
    }

    public boolean confirmed() {
        return "CONFIRMED".equals(state);
    }

    public String name() {
        return givenName + " " + surname;
    }

    /** "inscription-12" or "sans-inscription-3": the person in forms. */
    public String ref() {
        return walkIn() ? "sans-inscription-" + walkInId : "inscription-" + registrationId;
    }
}
