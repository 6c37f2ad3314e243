package org.rencontres.event;

import java.time.LocalDate;

/** A line of the catalogue and of the organisers' list. */
public record DaySummary(long id, String sessionCode, String title, String subtitle, String theme, SessionDays days,
                         DayStatus status, String city) {

    public String slug() {
        return SessionCode.slugOf(sessionCode);
    }

    public String fullTitle() {
        return subtitle == null || subtitle.isBlank() ? title : title + " " + subtitle;
    }

    public LocalDate firstDate() {
        return days.firstDate();
    }
}
