package org.rencontres.programme;

import java.time.LocalTime;
import java.util.List;

/**
 * A slot to add to a programme, on one day of the session.
 *
 * @param formatLabel the kind of session as the programme names it ("Exposés introductifs")
 * @param track the parallel track, or null for the main one
 * @param topicsProvisional the topic list is "sous réserve"
 */
public record SlotDraft(long sessionDayId, LocalTime startsAt, LocalTime endsAt, SlotKind kind, String formatLabel, String title,
                        String description, String track, boolean provisional, boolean topicsProvisional,
                        List<String> topics, List<SlotPersonDraft> people) {

    public SlotDraft {
        if (endsAt.isBefore(startsAt)) {
            throw new IllegalArgumentException("A slot cannot end before it starts");
        }
        topics = List.copyOf(topics);
        people = List.copyOf(people);
    }
}
