package org.rencontres.networking;

import java.util.List;

/**
 * The rules of a networking rotation held during a programme slot.
 *
 * @param groupSize how many people sit together at a table
 * @param rotationMinMinutes shortest time at a table before moving on
 * @param rotationMaxMinutes longest time at a table
 * @param themesProvisional the theme list is "sous réserve"
 */
public record NetworkingDraft(long slotId, String title, String description, int groupSize, int rotationMinMinutes,
                              int rotationMaxMinutes, boolean themesProvisional, List<String> themes) {

    public NetworkingDraft {
        if (groupSize < 2) {
            throw new IllegalArgumentException("A group has at least two people");
        }
        if (rotationMinMinutes <= 0 || rotationMaxMinutes < rotationMinMinutes) {
            throw new IllegalArgumentException("Rotation length must be positive, min before max");
        }
        themes = List.copyOf(themes);
    }
}
