package org.rencontres.programme;

import java.time.LocalTime;
import java.util.List;

/** A slot of the programme, on one day of its session, with its topics and people in order. */
public record Slot(long id, long sessionDayId, LocalTime startsAt, LocalTime endsAt, SlotKind kind, String formatLabel, String title,
                   String description, String track, int position, boolean provisional, boolean topicsProvisional,
                   List<String> topics, List<SlotPerson> people) {

    public List<SlotPerson> people(SlotRole role) {
        return people.stream().filter(p -> p.role() == role).toList();
    }

    public boolean isMainTrack() {
        return track == null;
    }
}
