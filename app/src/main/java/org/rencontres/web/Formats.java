package org.rencontres.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.rencontres.shared.FrenchTime;
import org.springframework.stereotype.Component;

/** Date and time formats for templates: {@code ${@formats.clock(slot.startsAt)}}. */
@Component("formats")
public class Formats {

    public String clock(LocalTime time) {
        return FrenchTime.clock(time);
    }

    public String longDate(LocalDate date) {
        return FrenchTime.longDate(date);
    }

    public String iso(LocalDate date, LocalTime time, ZoneId zone) {
        return FrenchTime.isoDateTime(date, time, zone);
    }
}
