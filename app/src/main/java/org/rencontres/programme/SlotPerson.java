package org.rencontres.programme;

/**
 * A person as the programme shows them in a slot.
 *
 * @param representative what the programme prints after them, as the organiser wrote it (« ou sa
 *                       représentante »); null for nothing
 */
public record SlotPerson(long personId, String givenName, String familyName, SlotRole role, String description,
                         String organisation, String representative) {
}
