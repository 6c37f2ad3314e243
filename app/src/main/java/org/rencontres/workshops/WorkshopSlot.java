package org.rencontres.workshops;

import java.time.LocalTime;
import java.util.List;

/**
 * A workshop period of the day: the programme slots holding workshops that take place at the same
 * time (parallel workshops are often one slot each, in parallel tracks), with their workshops by
 * number. A participant takes one workshop per period. {@code slotId} is its first slot, which
 * stands for the period; {@code startsAt} and {@code endsAt} are null when the slot is gone from the
 * programme (the workshops still name it); {@code title} is the slots' common title or format, or
 * null.
 */
public record WorkshopSlot(long slotId, List<Long> slotIds, LocalTime startsAt, LocalTime endsAt, String title,
                           List<Workshop> workshops) {

    public WorkshopSlot {
        slotIds = List.copyOf(slotIds);
        workshops = List.copyOf(workshops);
    }

    /** Whether the period holds that workshop. */
    public boolean holds(long workshopId) {
        return workshops.stream().anyMatch(w -> w.id() == workshopId);
    }

    /** Whether that programme slot is one of the period's. */
    public boolean covers(long slot) {
        return slotIds.contains(slot);
    }
}
