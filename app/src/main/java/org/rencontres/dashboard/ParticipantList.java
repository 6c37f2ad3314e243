package org.rencontres.dashboard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.attendance.Attendances;
import org.rencontres.attendance.Attendee;
import org.rencontres.attendance.HalfDay;
import org.rencontres.attendance.HalfDays;
import org.rencontres.attendance.SessionHalfDay;
import org.rencontres.directory.Directory;
import org.rencontres.directory.Organisation;
import org.rencontres.registration.Registration;
import org.rencontres.registration.Registrations;
import org.rencontres.registration.needs.AccessibilityNeeds;
import org.rencontres.registration.needs.Arrangement;
import org.rencontres.registration.questions.Question;
import org.rencontres.registration.questions.Questions;
import org.rencontres.shared.FrenchTime;
import org.rencontres.shared.Spreadsheets;
import org.rencontres.workshops.Workshop;
import org.rencontres.workshops.WorkshopSlot;
import org.rencontres.workshops.Workshops;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The participant list organisers export (CSV and XLSX, through {@link Spreadsheets}, which neutralises
 * formulas): one line per registration, sorted by name, with the agent's fields, the workshop given in
 * each workshop period, the networking opt-in, meal and accessibility needs (the arrangement planned, never
 * the needs declared in the form's fieldset: health data), a column per question of the
 * organiser, and presence per half-day of every day; then the walk-ins (checked in without registration),
 * each in a line marked as such. The per-workshop rosters have the same columns, one sheet (or CSV) per
 * workshop, with the registrations given that workshop.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ParticipantList {

    private final Registrations registrations;
    private final Directory directory;
    private final Attendances attendances;
    private final Workshops workshops;
    private final Questions questions;
    private final AccessibilityNeeds needs;
    private final MessageSource messages;

    /** A walk-in, with the half-days (by column) they were present. */
    private record WalkInLine(long id, String surname, String givenName, String organisation, Set<Integer> present) {
    }

    /** What every table of a session needs, read once. */
    private final class Source {
        final Locale locale;
        final List<WorkshopSlot> periods;
        final Map<Long, Workshop> workshopsById = new HashMap<>();
        final List<Question> asked;
        final Map<Long, Map<Long, List<String>>> answers;
        final List<SessionHalfDay> halves;
        final boolean single;
        final List<Set<Long>> present = new ArrayList<>();
        final Map<Long, WalkInLine> walkIns = new LinkedHashMap<>();
        final List<Registration> all;
        final Map<Long, Optional<Organisation>> organisations = new HashMap<>();
        /** The arrangements planned for accessibility needs: never the needs themselves (health data). */
        final Map<Long, Arrangement> arrangements;

        Source(long dayId, Locale locale) {
            this.locale = locale;
            periods = workshops.slotsOfDay(dayId);
            workshops.ofDay(dayId).forEach(w -> workshopsById.put(w.id(), w));
            asked = questions.ofDay(dayId);
            answers = questions.answersOfDay(dayId);
            arrangements = needs.arrangements(dayId);
            HalfDays halfDays = attendances.halfDays(dayId);
            single = halfDays.days().isSingle();
            halves = halfDays.all();
            for (int column = 0; column < halves.size(); column++) {
                SessionHalfDay c = halves.get(column);
                Set<Long> ids = new HashSet<>();
                for (Attendee a : attendances.attendees(dayId, c.sessionDayId(), c.half())) {
                    if (!a.present()) {
                        continue;
                    }
                    if (a.walkIn()) {
                        walkIns.computeIfAbsent(a.walkInId(), id -> new WalkInLine(id, a.surname(), a.givenName(),
                                a.organisation(), new HashSet<>())).present().add(column);
                    } else {
                        ids.add(a.registrationId());
                    }
                }
                present.add(ids);
            }
            all = new ArrayList<>(registrations.ofDay(dayId));
            all.sort(Comparator.comparing(Registration::surname, String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(Registration::givenName, String.CASE_INSENSITIVE_ORDER).thenComparing(Registration::id));
        }

        List<Object> header() {
            List<Object> header = new ArrayList<>(List.of(text("dashboard.csv.surname"), text("dashboard.csv.givenName"),
                    text("dashboard.csv.email"), text("dashboard.csv.phone"), text("dashboard.csv.position"),
                    text("dashboard.csv.employer"), text("dashboard.csv.kind"), text("dashboard.csv.state")));
            for (int i = 0; i < periods.size(); i++) {
                WorkshopSlot p = periods.get(i);
                if (p.startsAt() == null) {
                    header.add(text("dashboard.csv.workshop.unplaced", i + 1));
                } else {
                    // "mardi 16 mars, 9h30 – 11h" on a session of several days, else the hours alone.
                    String hours = FrenchTime.clock(p.startsAt()) + " – " + FrenchTime.clock(p.endsAt());
                    header.add(text("dashboard.csv.workshop", p.day() == null ? hours : p.day() + ", " + hours));
                }
            }
            header.add(text("dashboard.csv.networking"));
            header.add(text("dashboard.csv.dietary"));
            header.add(text("dashboard.csv.accessibility"));
            header.add(text("dashboard.csv.arrangement"));
            asked.forEach(q -> header.add(q.label()));
            for (SessionHalfDay c : halves) {
                String name = text(c.half() == HalfDay.MORNING ? "dashboard.csv.morning" : "dashboard.csv.afternoon");
                header.add(single ? name : text("dashboard.csv.ofDay", name, c.day().frenchDate()));
            }
            return header;
        }

        List<Object> line(Registration r) {
            String[] employer = employer(r);
            List<Object> line = new ArrayList<>(Arrays.asList(r.surname(), r.givenName(), r.email(), r.phone(),
                    r.positionService(), employer[0], text(employer[1]), text("dashboard.state." + r.state().name())));
            for (WorkshopSlot p : periods) {
                line.add(r.workshopIds().stream().filter(p::holds).findFirst().map(workshopsById::get)
                        .map(w -> w.number() + ". " + w.title()).orElse(null));
            }
            line.add(yesNo(r.networkingOptIn()));
            line.add(r.dietaryNeeds());
            line.add(r.accessibilityNeeds());
            Arrangement planned = arrangements.get(r.id());
            line.add(planned == null ? null
                    : text(planned.state().messageKey()) + (planned.text() == null ? "" : " – " + planned.text()));
            Map<Long, List<String>> given = answers.getOrDefault(r.id(), Map.of());
            for (Question q : asked) {
                List<String> a = given.get(q.id());
                line.add(a == null ? null : String.join(", ", a));
            }
            present.forEach(ids -> line.add(yesNo(ids.contains(r.id()))));
            return line;
        }

        List<Object> line(WalkInLine w) {
            List<Object> line = new ArrayList<>(Arrays.asList(w.surname(), w.givenName(), null, null, null,
                    w.organisation(), null, text("dashboard.csv.walkIn")));
            for (int i = 0; i < periods.size() + 4 + asked.size(); i++) {
                line.add(null);
            }
            for (int column = 0; column < halves.size(); column++) {
                line.add(yesNo(w.present().contains(column)));
            }
            return line;
        }

        /** The employer's name and the message key of its kind. */
        private String[] employer(Registration r) {
            if (r.employerOrganisationId() != null) {
                Optional<Organisation> o = organisations.computeIfAbsent(r.employerOrganisationId(),
                        directory::organisation);
                if (o.isPresent()) {
                    return new String[] {o.get().displayName(), "dashboard.kind." + o.get().kind().name()};
                }
            }
            String typed = r.employerName() == null || r.employerName().isBlank() ? "—" : r.employerName().strip();
            return new String[] {typed, "dashboard.kind.OUTSIDE"};
        }

        private String yesNo(boolean yes) {
            return text(yes ? "dashboard.csv.yes" : "dashboard.csv.no");
        }

        private String text(String key, Object... args) {
            return messages.getMessage(key, args, locale);
        }
    }

    /** Every registration of the session, then the walk-ins; the first row is the header. */
    List<List<Object>> table(long dayId, Locale locale) {
        Source s = new Source(dayId, locale);
        List<List<Object>> table = new ArrayList<>();
        table.add(s.header());
        s.all.forEach(r -> table.add(s.line(r)));
        s.walkIns.values().stream()
                .sorted(Comparator.comparing(WalkInLine::surname, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(WalkInLine::givenName, String.CASE_INSENSITIVE_ORDER).thenComparing(WalkInLine::id))
                .forEach(w -> table.add(s.line(w)));
        return table;
    }

    /** A workshop of the session and its roster (the registrations given it), header first. */
    record Roster(Workshop workshop, List<List<Object>> rows) {
    }

    /** The roster of each workshop of the session, by number. */
    List<Roster> rosters(long dayId, Locale locale) {
        Source s = new Source(dayId, locale);
        List<Roster> rosters = new ArrayList<>();
        for (Workshop w : s.workshopsById.values().stream().sorted(Comparator.comparingInt(Workshop::number)).toList()) {
            List<List<Object>> rows = new ArrayList<>();
            rows.add(s.header());
            s.all.stream().filter(r -> r.hasWorkshop(w.id())).forEach(r -> rows.add(s.line(r)));
            rosters.add(new Roster(w, rows));
        }
        return rosters;
    }

    String csv(long dayId, Locale locale) {
        return Spreadsheets.csv(table(dayId, locale));
    }

    byte[] xlsx(long dayId, Locale locale) {
        return Spreadsheets.xlsx(messages.getMessage("dashboard.xlsx.sheet", null, locale), table(dayId, locale));
    }

    /** One workshop's roster as CSV, or empty when the session has no such workshop. */
    Optional<String> rosterCsv(long dayId, long workshopId, Locale locale) {
        return rosters(dayId, locale).stream().filter(r -> r.workshop().id() == workshopId).findFirst()
                .map(r -> Spreadsheets.csv(r.rows()));
    }

    /** Every workshop's roster, a sheet each, named by the workshop's number and title. */
    byte[] rostersXlsx(long dayId, Locale locale) {
        List<Spreadsheets.Sheet> sheets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Roster r : rosters(dayId, locale)) {
            // Excel refuses two sheets of one name (case aside): a repeat gets the workshop's id.
            String name = sheetName(r.workshop());
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                String suffix = " #" + r.workshop().id();
                name = name.substring(0, Math.min(name.length(), 31 - suffix.length())) + suffix;
                names.add(name.toLowerCase(Locale.ROOT));
            }
            sheets.add(new Spreadsheets.Sheet(name, r.rows()));
        }
        if (sheets.isEmpty()) {
            sheets = List.of(new Spreadsheets.Sheet(messages.getMessage("dashboard.xlsx.noWorkshop", null, locale),
                    List.of(List.of(messages.getMessage("dashboard.xlsx.noWorkshop", null, locale)))));
        }
        return Spreadsheets.xlsx(sheets);
    }

    /** A sheet's name as Excel takes it: 31 characters at most, none of []:*?/\ (the number keeps names apart). */
    static String sheetName(Workshop w) {
        String name = (w.number() + ". " + w.title()).replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        return name.length() <= 31 ? name : name.substring(0, 30) + "…";
    }
}
