package org.rencontres.attendance;

import java.text.Collator;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.document.PdfTemplates;
import org.rencontres.event.Day;
import org.rencontres.event.Days;
import org.rencontres.event.ManagedDay;
import org.rencontres.registration.Registration;
import org.rencontres.registration.Registrations;
import org.rencontres.shared.FrenchTime;
import org.rencontres.workshops.Workshop;
import org.springframework.stereotype.Service;
import org.thymeleaf.context.Context;

/**
 * The attendance sheets (feuilles d'émargement) of a session as PDF, in French: for one half-day of
 * one of its days, for a whole day (a column per half-day of that day), or one sheet per half-day of
 * every day, each headed with its day's date and its hours; blank to print and sign, or filled with what the desk
 * recorded (the captured signature and its time, or "absent(e)"). The people are those expected
 * (confirmed registrations, anyone marked present, walk-ins), sorted by name. Laid out by the
 * template {@code attendance/pdf/sheet}; nothing is kept, every request reads the attendance afresh.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AttendanceSheets {

    /** What a sheet shows in one person's box for one half-day. */
    record Cell(boolean present, String signature, String time) {
    }

    /** A line of the sheet: a person and a box per half-day shown. */
    record Line(String surname, String givenName, String organisation, boolean walkIn, List<Cell> cells) {
    }

    /** A half-day column with its times ("09:00 – 13:00"). */
    record Column(HalfDay half, String times) {
    }

    /** A trainer on a half-day's block: their name, and their signature and its time once they signed. */
    record TrainerLine(String name, String signature, String time) {
    }

    /** The trainers of one half-day column (the programme's people of that half-day, and who signed). */
    record Trainers(Column column, List<TrainerLine> lines) {
    }

    /**
     * One sheet: a day's date ("mardi 16 mars 2027"), its half-day columns, its lines, and the trainers of each
     * column (none at all: the sheet keeps its one box for the trainer or organiser to sign by hand).
     */
    record Sheet(String date, List<Column> columns, boolean wholeDay, List<Line> lines, List<Trainers> trainers) {

        public boolean hasTrainers() {
            return trainers.stream().anyMatch(t -> !t.lines().isEmpty());
        }
    }

    private final Attendances attendances;
    private final Days days;
    private final PdfTemplates pdfs;
    private final Registrations registrations;
    private final TrainerSignatures trainerSignatures;

    /** People sorted as a French reader expects: surname, then given name, accents and case aside. */
    static Comparator<Line> byName() {
        Collator collator = Collator.getInstance(Locale.FRENCH);
        collator.setStrength(Collator.PRIMARY);
        return Comparator.comparing(Line::surname, collator).thenComparing(Line::givenName, collator);
    }

    /** The lines of the sheet for these half-days (of one day); filled: with presences and signatures. */
    List<Line> lines(long dayId, List<SessionHalfDay> halves, boolean filled) {
        return lines(dayId, halves, filled, null);
    }

    /**
     * The same, for one room: only the registrations given that workshop on confirmation (walk-ins,
     * who have none, are left out); {@code workshopId} null for everyone.
     */
    List<Line> lines(long dayId, List<SessionHalfDay> halves, boolean filled, Long workshopId) {
        Set<Long> inRoom = workshopId == null ? null : registrations.ofDay(dayId).stream()
                .filter(r -> r.hasWorkshop(workshopId)).map(Registration::id)
                .collect(Collectors.toSet());
        ZoneId zone = attendances.halfDays(dayId).zone();
        Map<String, Attendee[]> people = new LinkedHashMap<>();
        for (int i = 0; i < halves.size(); i++) {
            SessionHalfDay h = halves.get(i);
            for (Attendee a : attendances.attendees(dayId, h.sessionDayId(), h.half())) {
                if (inRoom != null && (a.registrationId() == null || !inRoom.contains(a.registrationId()))) {
                    continue;
                }
                people.computeIfAbsent(a.ref(), r -> new Attendee[halves.size()])[i] = a;
            }
        }
        List<Line> lines = new ArrayList<>();
        for (Attendee[] row : people.values()) {
            Attendee any = Arrays.stream(row).filter(Objects::nonNull).findFirst().orElseThrow();
            List<Cell> cells = new ArrayList<>();
            for (Attendee a : row) {
                cells.add(filled ? cell(dayId, a, zone) : new Cell(false, null, null));
            }
            lines.add(new Line(any.surname(), any.givenName(), any.organisation(), any.walkIn(), cells));
        }
        lines.sort(byName());
        return lines;
    }

    private Cell cell(long dayId, Attendee a, ZoneId zone) {
        if (a == null || !a.present()) {
            return new Cell(false, null, null);
        }
        Instant at = a.signedAt() != null ? a.signedAt() : a.presentAt();
        String signature = a.signedAt() == null ? null : attendances.signature(dayId, a.presenceId())
                .map(png -> "data:image/png;base64," + Base64.getEncoder().encodeToString(png)).orElse(null);
        return new Cell(true, signature, FrenchTime.clock(at.atZone(zone).toLocalTime()));
    }

    private static Column column(SessionHalfDay h) {
        return new Column(h.half(), FrenchTime.clock(h.start()) + " – " + FrenchTime.clock(h.end()));
    }

    /** The trainers of a half-day; filled: with the signatures they gave (a blank sheet shows names only). */
    private Trainers trainers(long dayId, SessionHalfDay h, boolean filled, ZoneId zone) {
        return new Trainers(column(h), trainerSignatures.trainers(dayId, h).stream()
                .map(t -> !filled || !t.signed() ? new TrainerLine(t.name(), null, null)
                        : new TrainerLine(t.name(), trainerSignatures.signature(dayId, h, t.personId())
                                .map(png -> "data:image/png;base64," + Base64.getEncoder().encodeToString(png)).orElse(null),
                                FrenchTime.clock(t.signedAt().atZone(zone).toLocalTime())))
                .toList());
    }

    /** The sheets as PDF, one after the other (each list of half-days is one day's, one sheet). */
    byte[] sheets(ManagedDay day, List<List<SessionHalfDay>> sheets, boolean filled) {
        return sheets(day, sheets, filled, null);
    }

    /** The sheets of one room (a workshop and its participants), or of everyone when {@code workshop} is null. */
    byte[] sheets(ManagedDay day, List<List<SessionHalfDay>> sheets, boolean filled, Workshop workshop) {
        Context context = new Context(Locale.FRENCH);
        context.setVariable("day", day);
        context.setVariable("date", day.days().frenchDates());
        context.setVariable("unit", days.find(day.id()).map(Day::organisingUnit).orElse(null));
        ZoneId zone = day.days().zone();
        context.setVariable("sheets", sheets.stream().map(halves -> new Sheet(halves.get(0).day().frenchDate(),
                halves.stream().map(AttendanceSheets::column).toList(),
                halves.size() > 1, lines(day.id(), halves, filled, workshop == null ? null : workshop.id()),
                halves.stream().map(h -> trainers(day.id(), h, filled, zone)).toList())).toList());
        context.setVariable("filled", filled);
        context.setVariable("room", workshop == null ? null : workshop.number() + ". " + workshop.title());
        return pdfs.render("attendance/pdf/sheet", context);
    }
}
