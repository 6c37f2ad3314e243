package org.rencontres.programme;

/** A person as the programme shows them in a slot. */
public record SlotPerson(long personId, String givenName, String familyName, SlotRole role, String description,
                         String organisation, boolean orRepresentative) {
}
