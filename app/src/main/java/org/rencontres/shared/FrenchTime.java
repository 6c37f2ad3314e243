package org.rencontres.shared;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How times and dates read in French documents: "9h30", "jeudi 25 juin 2020". */
public final class FrenchTime {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);

    private FrenchTime() {
    }

    private static final List<DateTimeFormatter> DATE_INPUTS = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT));

    /**
     * A date as typed: ISO from date pickers ("2020-06-25"), the French form from browsers that
     * show a plain text field ("25/06/2020"); empty when it is neither.
     */
    public static Optional<LocalDate> parseDate(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        for (DateTimeFormatter format : DATE_INPUTS) {
            try {
                return Optional.of(LocalDate.parse(typed.strip(), format));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    /** "9h30", "12h", "16h15". */
    public static String clock(LocalTime time) {
        return time.getMinute() == 0
                ? time.getHour() + "h"
                : time.getHour() + "h" + String.format("%02d", time.getMinute());
    }

    /** "jeudi 25 juin 2020". */
    public static String longDate(LocalDate date) {
        return LONG_DATE.format(date);
    }

    /** The machine-readable form for {@code <time datetime>}: "2020-06-25T09:30+02:00". */
    public static String isoDateTime(LocalDate date, LocalTime time, ZoneId zone) {
        return date.atTime(time).atZone(zone).toOffsetDateTime().toString();
    }
}
