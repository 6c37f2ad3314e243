package org.rencontres.programme;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.directory.Directory;
import org.rencontres.directory.Organisation;
import org.rencontres.directory.Person;
import org.rencontres.document.FileKind;
import org.rencontres.document.PendingUpload;
import org.rencontres.document.PendingUploads;
import org.rencontres.document.Uploads;
import org.rencontres.event.ManagedDay;
import org.rencontres.event.SessionDays;
import org.rencontres.programme.ProgrammeSheet.Column;
import org.rencontres.programme.ProgrammeSheet.Line;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FrenchTime;
import org.rencontres.shared.Spreadsheets;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a programme from a spreadsheet in two steps: the file is read and every line checked (by the
 * editor's own rules: {@link SlotForm#check}, hence {@link ProgrammeRules}), shown as a preview; once
 * the organiser confirms, the same lines are checked again against the programme as it is then and,
 * if none is wrong, all the slots are added (or replace the programme) in one transaction, under the
 * editor's lock. Nothing is saved while a line is wrong.
 *
 * <p>Between preview and confirmation the file stays on the server (in the database, {@link PendingUploads},
 * so that any instance confirms it; read again as {@link Pending}), named by a random token and kept
 * {@link #KEPT}; the page only sends the token back, and the check runs again on confirmation.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ProgrammeImport {

    /** The largest file taken. A programme of three days is a few tens of kilobytes. */
    static final long MAX_BYTES = 1024 * 1024;

    /** How long a preview waits for its confirmation. */
    static final Duration KEPT = Duration.ofMinutes(30);

    /** The most people a line may name. */
    static final int MAX_PEOPLE = 20;

    /** "Prénom Nom (Organisation)", the organisation optional. */
    private static final Pattern PERSON = Pattern.compile("(.*?)\\s*(?:\\(([^()]*)\\))?");

    private final JdbcClient jdbc;
    private final Programmes programmes;
    private final ProgrammeEditor editor;
    private final Directory directory;
    private final Uploads uploads;
    private final PendingUploads pendingUploads;
    private final MessageSource messages;
    private final List<SlotDependents> dependents;

    /** A day of the session as the file names it: its number ("Jour 1") or its date. */
    record SheetDay(int number, long sessionDayId, LocalDate date, LocalTime startsAt, LocalTime endsAt)
            implements Serializable {
    }

    /** Something about a line: an error (nothing is saved while there is one) or a note (what the import will do). */
    record SheetProblem(int line, Column column, FieldProblem problem, boolean blocking) {
    }

    /**
     * A person named by a line, as the import will attach them.
     *
     * @param personId the person of the directory, or null for one to add
     * @param organisationId the organisation of the directory to show with them in this slot, if any
     * @param presentation the organisation as written when the directory does not know it, printed as is
     */
    record PersonPlan(String written, Long personId, String givenName, String familyName, Long organisationId,
                      String presentation) {
        String key() {
            return ProgrammeSheet.fold(givenName + " " + familyName) + "|" + organisationId;
        }
    }

    /** A line of the file, checked: its day (if known), the slot it makes (if it is right), its problems. */
    record CheckedLine(Line line, SheetDay day, SlotDraft draft, List<PersonPlan> people, List<SheetProblem> problems) {
        boolean wrong() {
            return problems.stream().anyMatch(SheetProblem::blocking);
        }
    }

    /** What the import would do. */
    record Preview(List<SheetDay> days, List<CheckedLine> lines, int existing) {

        List<SheetProblem> problems() {
            return lines.stream().flatMap(l -> l.problems().stream()).filter(SheetProblem::blocking).toList();
        }

        List<SheetProblem> notes() {
            return lines.stream().flatMap(l -> l.problems().stream()).filter(p -> !p.blocking()).toList();
        }

        boolean importable() {
            return problems().isEmpty();
        }

        /** The slots the import would add (public: the preview page reads it). */
        public long slots() {
            return lines.stream().filter(l -> l.draft() != null).count();
        }

        /** The lines of each day, in the order of the file; lines whose day is unknown under null. */
        Map<SheetDay, List<CheckedLine>> byDay() {
            Map<SheetDay, List<CheckedLine>> groups = new LinkedHashMap<>();
            days.forEach(d -> groups.put(d, new ArrayList<>()));
            lines.forEach(l -> groups.computeIfAbsent(l.day(), k -> new ArrayList<>()).add(l));
            groups.values().removeIf(List::isEmpty);
            return groups;
        }
    }

    /** The lines of a file, kept between the preview and the confirmation. */
    record Pending(String token, long dayId, String fileName, List<Line> lines, Instant expires) implements Serializable {
        boolean valid(String givenToken, long givenDayId, Instant now) {
            return token.equals(givenToken) && dayId == givenDayId && now.isBefore(expires);
        }
    }

    /** What a confirmation did: the preview checked again, and, if it was importable, the counts. */
    record Applied(Preview preview, int added, int removed, int peopleCreated) {
        boolean done() {
            return preview.importable();
        }
    }

    /**
     * The lines of an uploaded file, or the one problem that stops it: what it is comes from its bytes
     * (a spreadsheet renamed .csv is still a spreadsheet), never from its name.
     */
    ProgrammeSheet.Table read(byte[] content) {
        if (content == null || content.length == 0) {
            return ProgrammeSheet.Table.unreadable("sheet.error.empty");
        }
        Uploads.Checked checked;
        try {
            checked = uploads.check(content, Set.of(FileKind.XLSX, FileKind.TEXT));
        } catch (Uploads.Refused refused) {
            return switch (refused.refusal()) {
                case TYPE, LEGACY_OFFICE, OFFICE_NOT_GENUINE -> ProgrammeSheet.Table.unreadable("sheet.error.type");
                case EMPTY -> ProgrammeSheet.Table.unreadable("sheet.error.empty");
                default -> new ProgrammeSheet.Table(List.of(), FieldProblem.general(refused.messageKey()));
            };
        }
        return checked.kind() == FileKind.XLSX ? ProgrammeSheet.xlsx(content) : ProgrammeSheet.csv(content);
    }

    /** Keeps the organiser's file for that day (replacing their previous one) and its lines. */
    Pending keep(ManagedDay day, long accountId, String sessionId, String fileName, byte[] content, List<Line> lines) {
        return pending(pendingUploads.keep(purpose(day.id()), accountId, sessionId, fileName, content), day.id(),
                lines);
    }

    /** The organiser's kept file for that day, if {@code token} names it and it has not expired, read again. */
    Optional<Pending> pending(long dayId, long accountId, String sessionId, String token) {
        return pendingUploads.find(purpose(dayId), accountId, sessionId, token).flatMap(upload -> {
            ProgrammeSheet.Table table = read(upload.content());
            return table.readable() ? Optional.of(pending(upload, dayId, table.lines())) : Optional.empty();
        });
    }

    /** Forgets the organiser's kept file for that day (imported or cancelled). */
    void discard(long dayId, long accountId, String sessionId) {
        pendingUploads.discard(purpose(dayId), accountId, sessionId);
    }

    private static Pending pending(PendingUpload upload, long dayId, List<Line> lines) {
        Instant expires = upload.createdAt().plus(KEPT);
        return new Pending(upload.token(), dayId, upload.fileName(), List.copyOf(lines),
                expires.isBefore(upload.expiresAt()) ? expires : upload.expiresAt());
    }

    private static String purpose(long dayId) {
        return "programme.import." + dayId;
    }

    /** The days of the session, in order. */
    static List<SheetDay> days(ManagedDay day) {
        SessionDays days = day.days();
        return days.all().stream()
                .map(d -> new SheetDay(days.index(d), d.id(), d.date(), d.startsAt(), d.endsAt())).toList();
    }

    /**
     * Checks every line against the session's days, the directory and, when the slots are added rather
     * than replacing the programme, the slots already there. Changes nothing.
     */
    Preview check(ManagedDay day, List<Line> lines, boolean replace) {
        List<SheetDay> days = days(day);
        List<Slot> existing = programmes.programmeOf(day.id()).slots();
        // The slots each line is checked against: those kept, then the lines above it (the form keeps those of its day).
        List<Slot> placed = replace ? new ArrayList<>() : new ArrayList<>(existing);
        People people = new People(directory.peopleByName(), directory.organisationsByName());
        Map<String, SlotKind> kinds = kinds();
        List<CheckedLine> checked = new ArrayList<>();
        for (Line line : lines) {
            checked.add(check(line, day.days(), days, placed, kinds, people));
        }
        return new Preview(days, List.copyOf(checked), existing.size());
    }

    private CheckedLine check(Line line, SessionDays sessionDays, List<SheetDay> days, List<Slot> placed,
                              Map<String, SlotKind> kinds, People people) {
        List<SheetProblem> problems = new ArrayList<>();
        int n = line.number();
        SheetDay day = day(line.cell(Column.DAY), days, n, problems);
        String kindText = line.cell(Column.KIND);
        SlotKind kind = kinds.get(ProgrammeSheet.fold(kindText));
        if (kindText.isBlank()) {
            problems.add(error(n, Column.KIND, "sheet.error.kind.missing", kindLabels()));
        } else if (kind == null) {
            problems.add(error(n, Column.KIND, "sheet.error.kind.unknown", kindText, kindLabels()));
        }
        // The editor's form, filled from the line: the same checks, the same rules.
        // A line whose day is unknown names none of the session's days (its problem is already said): the form checks the rest.
        SlotForm form = new SlotForm(day == null ? "-1" : String.valueOf(day.sessionDayId()), line.cell(Column.START), line.cell(Column.END), kind == null ? "" : kind.name(),
                "", line.cell(Column.TITLE), line.cell(Column.DESCRIPTION), line.cell(Column.ROOM), false, "", false,
                null);
        SlotForm.Checked slot = form.check(null, sessionDays, placed);
        for (FieldProblem p : slot.problems()) {
            if (!p.field().equals("nature") && !p.field().equals("jour")) {
                problems.add(fromForm(n, p, form, day));
            }
        }
        List<PersonPlan> plans = people(line, n, people, problems);
        SlotDraft draft = null;
        if (problems.stream().noneMatch(SheetProblem::blocking) && slot.isValid()) {
            SlotDraft d = slot.draft();
            draft = d;
            placed.add(new Slot(-n, d.sessionDayId(), d.startsAt(), d.endsAt(), d.kind(), null, d.title(), null, d.track(), n, false,
                    false, List.of(), List.of()));
        }
        return new CheckedLine(line, day, draft, plans, List.copyOf(problems));
    }

    private SheetDay day(String text, List<SheetDay> days, int line, List<SheetProblem> problems) {
        if (text.isBlank()) {
            problems.add(error(line, Column.DAY, "sheet.error.day.missing"));
            return null;
        }
        String typed = text.strip().replaceFirst("(?i)^jour\\s*", "");
        if (typed.matches("\\d{1,3}")) {
            int number = Integer.parseInt(typed);
            if (number < 1 || number > days.size()) {
                problems.add(error(line, Column.DAY, "sheet.error.day.number", number, days.size()));
                return null;
            }
            return days.get(number - 1);
        }
        Optional<LocalDate> date = FrenchTime.parseDate(typed);
        if (date.isEmpty()) {
            problems.add(error(line, Column.DAY, "sheet.error.day.format", text.strip()));
            return null;
        }
        Optional<SheetDay> found = days.stream().filter(d -> d.date().equals(date.get())).findFirst();
        if (found.isEmpty()) {
            problems.add(error(line, Column.DAY, "sheet.error.day.date", FrenchTime.longDate(date.get()),
                    days.stream().map(d -> FrenchTime.longDate(d.date())).collect(Collectors.joining(", "))));
            return null;
        }
        return found.get();
    }

    /** A problem of the editor's form, in the words of a file: the cell's value and the line's day where it helps. */
    private SheetProblem fromForm(int line, FieldProblem p, SlotForm form, SheetDay day) {
        Column column = switch (p.field()) {
            case "debut" -> Column.START;
            case "fin" -> Column.END;
            case "titre" -> Column.TITLE;
            case "piste" -> Column.ROOM;
            case "description" -> Column.DESCRIPTION;
            default -> Column.KIND;
        };
        return switch (p.code()) {
            case "slot.error.start.missing" -> error(line, column, "sheet.error.start.missing");
            case "slot.error.end.missing" -> error(line, column, "sheet.error.end.missing");
            case "slot.error.start.format" -> error(line, column, "sheet.error.start.format", form.debut().strip());
            case "slot.error.end.format" -> error(line, column, "sheet.error.end.format", form.fin().strip());
            case "slot.error.title.missing" -> error(line, column, "sheet.error.title.missing");
            case "slot.error.end.before" -> error(line, column, "sheet.error.end.before", clock(form.fin()),
                    clock(form.debut()));
            case "slot.error.start.outside" -> error(line, column, "sheet.error.start.outside", clock(form.debut()),
                    day.number(), FrenchTime.clock(day.startsAt()), FrenchTime.clock(day.endsAt()));
            case "slot.error.end.outside" -> error(line, column, "sheet.error.end.outside", clock(form.fin()),
                    day.number(), FrenchTime.clock(day.startsAt()), FrenchTime.clock(day.endsAt()));
            default -> new SheetProblem(line, column, p, true);
        };
    }

    private static String clock(String typed) {
        return ProgrammeRules.parseClock(typed).map(FrenchTime::clock).orElse(typed);
    }

    /** The people of a line, matched to the directory by name (and organisation when it tells two apart). */
    private List<PersonPlan> people(Line line, int n, People people, List<SheetProblem> problems) {
        // Spreadsheets keep French typography: a no-break space before ";" or inside the brackets is a space.
        List<String> written = Arrays.stream(line.cell(Column.PEOPLE).replaceAll("[\\u00a0\\u202f]", " ")
                        .split("[;\\n]")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        if (written.size() > MAX_PEOPLE) {
            problems.add(error(n, Column.PEOPLE, "sheet.error.people.many", MAX_PEOPLE));
            return List.of();
        }
        List<PersonPlan> plans = new ArrayList<>();
        for (String text : written) {
            Matcher m = PERSON.matcher(text);
            String name = m.matches() ? m.group(1).strip() : text;
            String organisationText = m.matches() && m.group(2) != null ? m.group(2).strip() : "";
            Organisation organisation = organisationText.isEmpty() ? null : people.organisation(organisationText);
            List<Person> candidates = people.named(name);
            if (candidates.size() > 1 && organisation != null) {
                candidates = candidates.stream().filter(p -> organisation.id() == Objects.requireNonNullElse(
                        p.organisationId(), -1L)).toList();
            }
            String presentation = organisation == null && !organisationText.isEmpty() ? organisationText : null;
            if (presentation != null) {
                problems.add(note(n, Column.PEOPLE, "sheet.note.organisation.unknown", organisationText));
            }
            PersonPlan plan;
            if (candidates.size() > 1) {
                problems.add(error(n, Column.PEOPLE, "sheet.error.person.ambiguous", name));
                continue;
            } else if (candidates.size() == 1) {
                Person p = candidates.get(0);
                Long shown = organisation == null || Objects.equals(organisation.id(), p.organisationId())
                        ? null : organisation.id();
                plan = new PersonPlan(text, p.id(), p.givenName(), p.familyName(), shown, presentation);
            } else {
                String[] parts = name.split("\\s+", 2);
                if (parts.length < 2) {
                    problems.add(error(n, Column.PEOPLE, "sheet.error.person.name", text));
                    continue;
                }
                List<FieldProblem> form = new NewPersonForm(parts[0], parts[1], "",
                        organisation == null ? "" : String.valueOf(organisation.id()), SlotRole.SPEAKER.name(), "")
                        .check(true);
                if (!form.isEmpty()) {
                    problems.add(new SheetProblem(n, Column.PEOPLE, form.get(0), true));
                    continue;
                }
                plan = new PersonPlan(text, null, parts[0], parts[1], organisation == null ? null : organisation.id(),
                        presentation);
                if (people.firstMention(plan.key())) {
                    problems.add(note(n, Column.PEOPLE, "sheet.note.person.new", parts[0] + " " + parts[1]));
                }
            }
            PersonPlan p = plan;
            if (plans.stream().anyMatch(q -> q.key().equals(p.key()))) {
                problems.add(error(n, Column.PEOPLE, "sheet.error.person.twice", name));
                continue;
            }
            plans.add(plan);
        }
        return List.copyOf(plans);
    }

    /** The directory's people and organisations, looked up by name as the file writes them. */
    private static final class People {
        private final Map<String, List<Person>> byName;
        private final Map<String, Organisation> organisations = new HashMap<>();
        private final Set<String> mentioned = new java.util.HashSet<>();

        People(List<Person> people, List<Organisation> organisations) {
            this.byName = people.stream().collect(Collectors.groupingBy(
                    p -> ProgrammeSheet.fold(p.givenName() + " " + p.familyName())));
            for (Organisation o : organisations) {
                this.organisations.putIfAbsent(ProgrammeSheet.fold(o.name()), o);
            }
            for (Organisation o : organisations) {
                if (o.shortName() != null) {
                    this.organisations.putIfAbsent(ProgrammeSheet.fold(o.shortName()), o);
                }
            }
        }

        List<Person> named(String name) {
            return byName.getOrDefault(ProgrammeSheet.fold(name), List.of());
        }

        Organisation organisation(String name) {
            return organisations.get(ProgrammeSheet.fold(name));
        }

        boolean firstMention(String key) {
            return mentioned.add(key);
        }
    }

    /**
     * Checks the kept lines again, under the programme's lock, and if none is wrong adds every slot (after
     * removing the programme's slots, when they are replaced), creating in the directory the people it
     * does not know, all in one transaction, audited once.
     */
    @Transactional
    Applied apply(ManagedDay day, Organiser who, Pending pending, boolean replace) {
        editor.lock(day.id());
        Preview preview = check(day, pending.lines(), replace);
        if (!preview.importable()) {
            return new Applied(preview, 0, 0, 0);
        }
        int removed = replace
                ? jdbc.sql("DELETE FROM programme_slot WHERE event_day_id = ?").param(day.id()).update()
                : 0;
        Map<String, Long> created = new HashMap<>();
        int added = 0;
        for (CheckedLine line : preview.lines()) {
            List<SlotPersonDraft> people = new ArrayList<>();
            for (PersonPlan p : line.people()) {
                long personId = p.personId() != null ? p.personId() : created.computeIfAbsent(p.key(),
                        k -> editor.createPerson(day, who, p.givenName(), p.familyName(), null, p.organisationId()).id());
                // A new person's organisation is theirs in the directory: the slot need not repeat it.
                Long shown = p.personId() != null ? p.organisationId() : null;
                people.add(new SlotPersonDraft(personId, SlotRole.SPEAKER, p.presentation(), shown, null));
            }
            SlotDraft d = line.draft();
            programmes.addSlot(day.id(), new SlotDraft(d.sessionDayId(), d.startsAt(), d.endsAt(), d.kind(), d.formatLabel(), d.title(),
                    d.description(), d.track(), d.provisional(), d.topicsProvisional(), d.topics(), people));
            added++;
        }
        editor.changed(day, who, "programme.imported", "Programme importé depuis « " + pending.fileName() + " » : "
                + added + " créneau(x) ajouté(s)" + (replace ? ", " + removed + " supprimé(s) avant l'import" : "")
                + (created.isEmpty() ? "" : ", " + created.size() + " personne(s) ajoutée(s) à l'annuaire"));
        return new Applied(preview, added, removed, created.size());
    }

    /** What the replacement of the programme would take away: its slots, and what hangs on them. */
    List<String> dependents(long dayId) {
        List<String> found = new ArrayList<>();
        for (Slot slot : programmes.outline(dayId)) {
            dependents.stream().map(x -> x.on(dayId, slot.id())).flatMap(Optional::stream).forEach(found::add);
        }
        return found;
    }

    private String text(String code) {
        return messages.getMessage(code, null, Locale.FRENCH);
    }

    private static SheetProblem error(int line, Column column, String code, Object... args) {
        return new SheetProblem(line, column, FieldProblem.of(column.name(), code, args), true);
    }

    private static SheetProblem note(int line, Column column, String code, Object... args) {
        return new SheetProblem(line, column, FieldProblem.of(column.name(), code, args), false);
    }

    /** The kinds by their French labels as the editor shows them, and by their names. */
    private Map<String, SlotKind> kinds() {
        Map<String, SlotKind> kinds = new HashMap<>();
        for (SlotKind kind : SlotKind.values()) {
            kinds.put(ProgrammeSheet.fold(label(kind)), kind);
            kinds.put(ProgrammeSheet.fold(kind.name()), kind);
        }
        return kinds;
    }

    /** "Accueil, Allocution, …, Fin". */
    String kindLabels() {
        return EnumSet.allOf(SlotKind.class).stream().map(this::label).collect(Collectors.joining(", "));
    }

    String label(SlotKind kind) {
        return messages.getMessage("programme.kind." + kind.name(), null, Locale.FRENCH);
    }
}
