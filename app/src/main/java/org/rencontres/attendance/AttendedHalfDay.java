package org.rencontres.attendance;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A half-day attended as a certificate states it, fixed when the certificate was issued (the date and
 * the hours, so that moving or removing a day later changes nothing to a certificate already issued).
 * Stored in {@code attendance_certificate.half_days} as "2027-03-16 MORNING 09:00-13:00", comma-separated.
 */
record AttendedHalfDay(LocalDate date, HalfDay half, LocalTime start, LocalTime end) {

    Duration duration() {
        Duration d = Duration.between(start, end);
        return d.isNegative() ? Duration.ZERO : d;
    }

    String stored() {
        return date + " " + half.name() + " " + Attendances.HOUR.format(start) + "-" + Attendances.HOUR.format(end);
    }

    static String stored(List<AttendedHalfDay> halves) {
        return halves.stream().map(AttendedHalfDay::stored).collect(Collectors.joining(","));
    }

    /**
     * The half-days of a stored certificate. Certificates issued before sessions had several days hold
     * the half-day alone ("MORNING,AFTERNOON"): {@code legacy} gives it its date and hours (the
     * session's first day, its only day then).
     */
    static List<AttendedHalfDay> parse(String stored, Function<HalfDay, AttendedHalfDay> legacy) {
        return Arrays.stream(stored.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(s -> {
            String[] parts = s.split(" ");
            if (parts.length == 1) {
                return legacy.apply(HalfDay.valueOf(parts[0]));
            }
            String[] hours = parts[2].split("-");
            return new AttendedHalfDay(LocalDate.parse(parts[0]), HalfDay.valueOf(parts[1]), LocalTime.parse(hours[0]),
                    LocalTime.parse(hours[1]));
        }).toList();
    }
}
