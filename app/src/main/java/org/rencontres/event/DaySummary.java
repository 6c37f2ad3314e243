package org.rencontres.event;

import java.time.LocalDate;
import java.time.LocalTime;

/** A line of the catalogue. */
public record DaySummary(long id, String sessionCode, String title, String subtitle, String theme, LocalDate date,
                         LocalTime startsAt, LocalTime endsAt, DayStatus status, String city) {

    public String slug() {
        return SessionCode.slugOf(sessionCode);
    }

    public String fullTitle() {
        return subtitle == null || subtitle.isBlank() ? title : title + " " + subtitle;
    }
}
