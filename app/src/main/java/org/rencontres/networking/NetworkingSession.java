package org.rencontres.networking;

import java.util.List;

/** A networking rotation of a day, with its themes in order. */
public record NetworkingSession(long id, long slotId, String title, String description, int groupSize,
                                int rotationMinMinutes, int rotationMaxMinutes, boolean themesProvisional,
                                List<String> themes) {
}
