package org.rencontres.workshops;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.rencontres.shared.FrenchTime;

/**
 * A workshop period of the session: the programme slots of one of its days holding workshops that
 * take place at the same time (parallel workshops are often one slot each, in parallel tracks),
 * with their workshops by number. A participant takes one workshop per period, so one per period of
 * each day. {@code slotId} is its first slot, which stands for the period; {@code sessionDayId},
 * {@code startsAt} and {@code endsAt} are null when the slot is gone from the programme (the
 * workshops still name it); {@code date} is the period's day when the session has several days,
 * null when it has one (its pages then say the hours only, as they always did); {@code title} is
 * the slots' common title or format, or null.
 */
public record WorkshopSlot(long slotId, List<Long> slotIds, Long sessionDayId, LocalDate date, LocalTime startsAt,
                           LocalTime endsAt, String title, List<Workshop> workshops) {

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

    /** "mardi 16 mars" when the session has several days, else null: the day that pages show with the hours. */
    public String day() {
        return date == null ? null : FrenchTime.weekdayAndDay(date) + " " + FrenchTime.month(date);
    }

    /**
     * "9h30 – 11h", or "Mardi 16 mars, 9h30 – 11h" when the session has several days; null when the
     * slot is gone from the programme.
     */
    public String when() {
        if (startsAt == null) {
            return null;
        }
        String hours = FrenchTime.clock(startsAt) + " – " + FrenchTime.clock(endsAt);
        if (date == null) {
            return hours;
        }
        String day = day();
        return Character.toUpperCase(day.charAt(0)) + day.substring(1) + ", " + hours;
    }
}
