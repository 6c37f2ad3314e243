package org.rencontres.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.rencontres.shared.FrenchTime;
import org.springframework.stereotype.Component;

/** Date and time formats for templates: {@code ${@formats.clock(slot.startsAt)}}. */
@Component("formats")
class Formats {

    public String clock(LocalTime time) {
        return FrenchTime.clock(time);
    }

    public String longDate(LocalDate date) {
        return FrenchTime.longDate(date);
    }

    /** "28/11/2026 18:42" in Paris time, for audit trails. */
    public String instant(Instant instant) {
        return DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(FrenchTime.PARIS).format(instant);
    }

    /** An instant to the second, as {@code <time datetime>} accepts it. */
    public String isoInstant(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    public String iso(LocalDate date, LocalTime time, ZoneId zone) {
        return FrenchTime.isoDateTime(date, time, zone);
    }
}
