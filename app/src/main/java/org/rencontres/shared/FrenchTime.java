package org.rencontres.shared;

import java.time.Clock;
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
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE", Locale.FRENCH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM", Locale.FRENCH);

    private FrenchTime() {
    }

    private static final List<DateTimeFormatter> DATE_INPUTS = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT));

    /** Today in Paris, by the injected clock (its own zone), or by the system's clock when none is. */
    public static LocalDate today(Optional<Clock> clock) {
        return LocalDate.now(clock.orElseGet(() -> Clock.system(PARIS)));
    }

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

    /** "jeudi 25 juin 2020", "jeudi 1er avril 2027". */
    public static String longDate(LocalDate date) {
        return weekdayAndDay(date) + " " + monthAndYear(date);
    }

    /** "jeudi 25", "jeudi 1er": the first of the month is written "1er" in French. */
    public static String weekdayAndDay(LocalDate date) {
        return WEEKDAY.format(date) + " " + (date.getDayOfMonth() == 1 ? "1er" : String.valueOf(date.getDayOfMonth()));
    }

    /** "juin", in lower case as French writes months. */
    public static String month(LocalDate date) {
        return MONTH.format(date);
    }

    /** "juin 2020". */
    public static String monthAndYear(LocalDate date) {
        return month(date) + " " + date.getYear();
    }

    /** The machine-readable form for {@code <time datetime>}: "2020-06-25T09:30+02:00". */
    public static String isoDateTime(LocalDate date, LocalTime time, ZoneId zone) {
        return date.atTime(time).atZone(zone).toOffsetDateTime().toString();
    }
}
