package org.rencontres.registration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FrenchTime;

/**
 * The queue's capacity form as typed by the organiser, field names as in the page: the seats, the
 * hours an agent has to answer an offer, the registration period (dates, Paris, both optional, the
 * closing day included) and whether the line manager's opinion is asked.
 */
record CapacityForm(String places, String delai, String ouverture, String cloture, String avis) {

    /** The problems of the typed fields, in the order of the page's summary. */
    List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (!blank(ouverture) && opens().isEmpty()) {
            problems.add(FieldProblem.of("ouverture", "registration.error.date"));
        }
        if (!blank(cloture) && closes().isEmpty()) {
            problems.add(FieldProblem.of("cloture", "registration.error.date"));
        }
        if (opens().isPresent() && closes().isPresent() && closes().get().isBefore(opens().get())) {
            problems.add(FieldProblem.of("cloture", "registration.error.dates.order"));
        }
        if (seats() == null) {
            problems.add(FieldProblem.of("places", "registration.error.places"));
        }
        if (hours() == null) {
            problems.add(FieldProblem.of("delai", "registration.error.delai"));
        }
        return problems;
    }

    Integer seats() {
        return positive(places);
    }

    Integer hours() {
        return positive(delai);
    }

    boolean managerAsked() {
        return avis != null;
    }

    /** When registration opens: the start of the opening day, or null for "as soon as published". */
    Instant opensAt() {
        return opens().map(d -> d.atStartOfDay(FrenchTime.PARIS).toInstant()).orElse(null);
    }

    /** When registration closes: the end of the closing day, or null for "until the day". */
    Instant closesAt() {
        return closes().map(d -> d.plusDays(1).atStartOfDay(FrenchTime.PARIS).toInstant()).orElse(null);
    }

    private Optional<LocalDate> opens() {
        return FrenchTime.parseDate(ouverture);
    }

    private Optional<LocalDate> closes() {
        return FrenchTime.parseDate(cloture);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Integer positive(String value) {
        try {
            int n = Integer.parseInt(value == null ? "" : value.strip());
            return n > 0 && n <= 100_000 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
