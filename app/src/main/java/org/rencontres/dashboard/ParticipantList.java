package org.rencontres.dashboard;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.attendance.Attendances;
import org.rencontres.attendance.HalfDay;
import org.rencontres.attendance.HalfDays;
import org.rencontres.attendance.PresenceLists;
import org.rencontres.attendance.SessionHalfDay;
import org.rencontres.directory.Directory;
import org.rencontres.directory.Organisation;
import org.rencontres.registration.Registration;
import org.rencontres.registration.RegistrationFigures;
import org.rencontres.registration.Registrations;
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
 *
 * <p>Every table is written to the response as it is read: the registrations come one window at a time
 * from a database cursor ({@link Registrations#eachOfDayByName}), each with its arrangement and its answers
 * read in the same statement; what each line adds from other modules (organisations, presences) is read once
 * per export, in a few queries.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ParticipantList {

    private final Registrations registrations;
    private final RegistrationFigures figures;
    private final Directory directory;
    private final Attendances attendances;
    private final PresenceLists presences;
    private final Workshops workshops;
    private final Questions questions;
    private final MessageSource messages;

    /** What every line of a session's tables needs, read once, in a few queries. */
    private final class Source {
        final long dayId;
        final Locale locale;
        final List<WorkshopSlot> periods;
        final Map<Long, Workshop> workshopsById = new HashMap<>();
        final List<Question> asked;
        final List<SessionHalfDay> halves;
        final boolean single;
        final PresenceLists.Present present;
        final Map<Long, Organisation> organisations;

        Source(long dayId, Locale locale) {
            this.dayId = dayId;
            this.locale = locale;
            periods = workshops.slotsOfDay(dayId);
            workshops.ofDay(dayId).forEach(w -> workshopsById.put(w.id(), w));
            asked = questions.ofDay(dayId);
            HalfDays halfDays = attendances.halfDays(dayId);
            single = halfDays.days().isSingle();
            halves = halfDays.all();
            present = presences.registrations(dayId);
            organisations = directory.organisations(figures.byEmployer(dayId).stream()
                    .map(RegistrationFigures.EmployerCount::organisationId).filter(Objects::nonNull).distinct().toList());
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

        List<Object> line(Registrations.Listed listed) {
            Registration r = listed.registration();
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
            // The arrangement planned, never the needs declared (health data).
            Arrangement planned = listed.arrangement();
            line.add(planned == null ? null
                    : text(planned.state().messageKey()) + (planned.text() == null ? "" : " – " + planned.text()));
            // One column per question of asked: the answers come in the same order (Questions.ORDER).
            for (int i = 0; i < asked.size(); i++) {
                line.add(i < listed.answers().size() ? listed.answers().get(i) : null);
            }
            halves.forEach(h -> line.add(yesNo(present.presentAt(r.id(), h))));
            return line;
        }

        List<Object> line(PresenceLists.WalkInPresent w) {
            List<Object> line = new ArrayList<>(Arrays.asList(w.surname(), w.givenName(), null, null, null,
                    w.organisation(), null, text("dashboard.csv.walkIn")));
            for (int i = 0; i < periods.size() + 4 + asked.size(); i++) {
                line.add(null);
            }
            halves.forEach(h -> line.add(yesNo(w.presentAt(h))));
            return line;
        }

        /** The employer's name and the message key of its kind. */
        private String[] employer(Registration r) {
            Organisation o = r.employerOrganisationId() == null ? null : organisations.get(r.employerOrganisationId());
            if (o != null) {
                return new String[] {o.displayName(), "dashboard.kind." + o.kind().name()};
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

        /** Every registration of the session by name, then the walk-ins present; the header first. */
        Spreadsheets.Table everyone() {
            return sink -> {
                sink.row(header());
                registrations.eachOfDayByName(dayId, r -> sink.row(line(r)));
                presences.walkIns(dayId).forEach(w -> sink.row(line(w)));
            };
        }

        /** The registrations given that workshop, by name; the header first. */
        Spreadsheets.Table roster(long workshopId) {
            return sink -> {
                sink.row(header());
                registrations.eachOfWorkshopByName(dayId, workshopId, r -> sink.row(line(r)));
            };
        }
    }

    /** Every registration of the session, then the walk-ins, as CSV written to the stream as they are read. */
    void csv(long dayId, Locale locale, OutputStream out) {
        Spreadsheets.csv(out, new Source(dayId, locale).everyone());
    }

    /** The same lines as a workbook of one sheet, written to the stream as they are read. */
    void xlsx(long dayId, Locale locale, OutputStream out) {
        Spreadsheets.xlsx(out, List.of(new Spreadsheets.StreamedSheet(
                messages.getMessage("dashboard.xlsx.sheet", null, locale), new Source(dayId, locale).everyone())));
    }

    /** The session's workshops by number. */
    private List<Workshop> workshopsOf(long dayId) {
        return workshops.ofDay(dayId).stream().sorted(Comparator.comparingInt(Workshop::number)).toList();
    }

    /** Whether the session has that workshop (a roster to export). */
    boolean hasWorkshop(long dayId, long workshopId) {
        return workshopsOf(dayId).stream().anyMatch(w -> w.id() == workshopId);
    }

    /** One workshop's roster as CSV, written to the stream as it is read (the workshop must be the session's). */
    void rosterCsv(long dayId, long workshopId, Locale locale, OutputStream out) {
        Spreadsheets.csv(out, new Source(dayId, locale).roster(workshopId));
    }

    /** Every workshop's roster, a sheet each, named by the workshop's number and title. */
    void rostersXlsx(long dayId, Locale locale, OutputStream out) {
        Source s = new Source(dayId, locale);
        List<Spreadsheets.StreamedSheet> sheets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Workshop w : workshopsOf(dayId)) {
            // Excel refuses two sheets of one name (case aside): a repeat gets the workshop's id.
            String name = sheetName(w);
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                String suffix = " #" + w.id();
                name = name.substring(0, Math.min(name.length(), 31 - suffix.length())) + suffix;
                names.add(name.toLowerCase(Locale.ROOT));
            }
            sheets.add(new Spreadsheets.StreamedSheet(name, s.roster(w.id())));
        }
        if (sheets.isEmpty()) {
            String none = messages.getMessage("dashboard.xlsx.noWorkshop", null, locale);
            sheets = List.of(new Spreadsheets.StreamedSheet(none, sink -> sink.row(List.of(none))));
        }
        Spreadsheets.xlsx(out, sheets);
    }

    /** A sheet's name as Excel takes it: 31 characters at most, none of []:*?/\ (the number keeps names apart). */
    static String sheetName(Workshop w) {
        String name = (w.number() + ". " + w.title()).replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        return name.length() <= 31 ? name : name.substring(0, 30) + "…";
    }
}
