package org.rencontres.event;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FrenchTime;

/**
 * Reads a day form: either a {@link DayDraft} or, field by field, what is wrong ({@link FieldProblem}s).
 * Contacts, partners and resources are not part of this form ({@link DayLineForms}).
 */
final class DayForms {

    private static final Pattern POSTCODE = Pattern.compile("\\d{5}");

    private DayForms() {
    }

    /** What reading a form gives: a draft, or its problems. */
    record Result(DayDraft draft, List<String> tags, List<FieldProblem> problems) {
        boolean isValid() {
            return problems.isEmpty();
        }
    }

    /**
     * @param organiserId resolves the organiser's name to an organisation id (null when empty)
     * @param days the session's days when it exists (they are edited one by one, not on this form);
     *             null for a new session, whose first day is read from the form's date and hours
     */
    static Result read(DayForm f, Function<String, Long> organiserId, List<SessionDayDraft> days) {
        List<FieldProblem> errors = new ArrayList<>();
        SessionCode code = null;
        if (f.code() != null && f.code().strip().length() > SessionCode.MAX_LENGTH) {
            // The code is the day's address: one too long would make a day nobody can open.
            errors.add(FieldProblem.of("code", "day.error.code.long"));
        } else {
            try {
                code = new SessionCode(f.code());
            } catch (IllegalArgumentException e) {
                errors.add(FieldProblem.of("code", "day.error.code"));
            }
        }
        if (blank(f.titre())) {
            errors.add(FieldProblem.of("titre", "day.error.title"));
        }
        if (days == null) {
            SessionDayDraft first = sessionDay(f.date(), f.debut(), f.fin(), errors);
            days = first == null ? List.of() : List.of(first);
        }
        String url = trim(f.lienInscription());
        if (!url.isEmpty() && !isWebAddress(url)) {
            errors.add(FieldProblem.of("lienInscription", "day.error.url"));
        }
        Venue venue = null;
        if (f.hasVenue()) {
            if (blank(f.lieuNom())) {
                errors.add(FieldProblem.of("lieuNom", "day.error.venue.name"));
            }
            if (blank(f.lieuRue())) {
                errors.add(FieldProblem.of("lieuRue", "day.error.venue.street"));
            }
            if (!POSTCODE.matcher(trim(f.lieuCodePostal())).matches()) {
                errors.add(FieldProblem.of("lieuCodePostal", "day.error.venue.postcode"));
            }
            if (blank(f.lieuVille())) {
                errors.add(FieldProblem.of("lieuVille", "day.error.venue.city"));
            }
            BigDecimal latitude = coordinate(f.lieuLatitude(), 90, "lieuLatitude", errors);
            BigDecimal longitude = coordinate(f.lieuLongitude(), 180, "lieuLongitude", errors);
            if ((latitude == null) != (longitude == null) && !has(errors, "lieuLatitude")
                    && !has(errors, "lieuLongitude")) {
                errors.add(FieldProblem.of(latitude == null ? "lieuLatitude" : "lieuLongitude", "day.error.venue.coordinates"));
            }
            venue = new Venue(trim(f.lieuNom()), orNull(f.lieuBatiment()), trim(f.lieuRue()), trim(f.lieuCodePostal()),
                    trim(f.lieuVille()), orNull(f.lieuAdressePostale()), latitude, longitude, orNull(f.lieuAcces()));
        }
        List<String> tags = Arrays.stream(trim(f.motsCles()).split(","))
                .map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
        if (tags.stream().anyMatch(t -> t.length() > 60)) {
            errors.add(FieldProblem.of("motsCles", "day.error.tags"));
        }
        if (!errors.isEmpty()) {
            return new Result(null, List.of(), errors);
        }
        Long organiser = blank(f.organisateur()) ? null : organiserId.apply(trim(f.organisateur()));
        DayDraft draft = new DayDraft(code, trim(f.titre()), orNull(f.soustitre()), orNull(f.theme()), days,
                orNull(f.contexte()), orNull(f.publicVise()), orNull(f.inscription()), orNull(url),
                Boolean.TRUE.equals(f.previsionnel()), organiser, orNull(f.unite()), venue, List.of(), List.of(), List.of(),
                f.mealOffered());
        return new Result(draft, tags, errors);
    }

    /**
     * A day of a session as typed (fields "date", "debut", "fin"): the one rule for the session form
     * and the form of each day; null, with its problems added, when something is wrong.
     */
    static SessionDayDraft sessionDay(String date, String debut, String fin, List<FieldProblem> errors) {
        LocalDate day = FrenchTime.parseDate(date).orElse(null);
        if (day == null) {
            errors.add(FieldProblem.of("date", "day.error.date"));
        }
        LocalTime start = time(debut, "debut", errors);
        LocalTime end = time(fin, "fin", errors);
        if (start != null && end != null && !end.isAfter(start)) {
            errors.add(FieldProblem.of("fin", "day.error.end"));
            return null;
        }
        return day == null || start == null || end == null ? null : new SessionDayDraft(day, start, end);
    }

    private static LocalTime time(String value, String field, List<FieldProblem> errors) {
        try {
            return LocalTime.parse(trim(value));
        } catch (DateTimeParseException | NullPointerException e) {
            errors.add(FieldProblem.of(field, "day.error.time"));
            return null;
        }
    }

    private static BigDecimal coordinate(String value, int limit, String field, List<FieldProblem> errors) {
        String v = trim(value).replace(',', '.');
        if (v.isEmpty()) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(v);
            if (d.abs().compareTo(BigDecimal.valueOf(limit)) > 0 || d.scale() > 6) {
                errors.add(FieldProblem.of(field, "day.error.venue.coordinate"));
                return null;
            }
            return d.setScale(6, RoundingMode.UNNECESSARY);
        } catch (NumberFormatException e) {
            errors.add(FieldProblem.of(field, "day.error.venue.coordinate"));
            return null;
        }
    }

    private static boolean has(List<FieldProblem> problems, String field) {
        return problems.stream().anyMatch(p -> field.equals(p.field()));
    }

    static boolean isWebAddress(String url) {
        try {
            URI uri = URI.create(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    /** A typed text, or null when blank; lines ended by LF whatever the browser sent (a text area sends CR LF). */
    private static String orNull(String s) {
        return blank(s) ? null : s.strip().replace("\r\n", "\n");
    }
}
