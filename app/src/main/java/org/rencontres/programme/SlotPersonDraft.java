package org.rencontres.programme;

/**
 * A person of the directory in a slot.
 *
 * @param description how the programme presents them, as printed ("directeur de l'Agence du monde commun")
 * @param orRepresentative the programme says "ou son représentant"
 */
public record SlotPersonDraft(long personId, SlotRole role, String description, Long organisationId,
                              boolean orRepresentative) {
}
