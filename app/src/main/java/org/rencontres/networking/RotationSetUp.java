package org.rencontres.networking;

import java.util.List;

/**
 * A rotation's set-up as other modules read and write it whole (the session document of
 * {@code exchange}): its settings and its tables, without its participants nor its plan.
 *
 * @param rotationMinutes time at a table
 * @param changeoverMinutes time to move between two rounds
 * @param roundsChosen the organiser's number of rounds, or null for as many as fit in the slot
 */
public record RotationSetUp(int rotationMinutes, int changeoverMinutes, Integer roundsChosen, boolean tableOnce,
                            boolean separateOrganisations, List<Table> tables) {

    public RotationSetUp {
        tables = List.copyOf(tables);
    }

    /** A table of the room; its host is a person of the directory (or none), its theme one of the rotation's. */
    public record Table(String name, String place, int capacity, Long hostPersonId, String hostName, String theme) {
    }
}
