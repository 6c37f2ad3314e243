package org.rencontres.programme;

/**
 * A person of the directory in a slot.
 *
 * @param description how the programme presents them, as printed ("directeur de l'Agence du monde commun")
 * @param representative what the programme prints after them when they may send someone in their place,
 *                       in the organiser's words (« ou son représentant », « ou sa représentante »); null or
 *                       blank for nothing; at most 80 characters
 */
public record SlotPersonDraft(long personId, SlotRole role, String description, Long organisationId,
                              String representative) {

    public SlotPersonDraft {
        if (Representative.tooLong(representative)) {
            throw new IllegalArgumentException("representative longer than " + Representative.MAX_LENGTH
                    + " characters");
        }
        representative = Representative.normalise(representative);
    }
}
