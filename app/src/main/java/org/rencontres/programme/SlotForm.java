package org.rencontres.programme;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.rencontres.event.SessionDay;
import org.rencontres.event.SessionDays;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FrenchTime;

/**
 * A slot as the editor's form sends it, every field as typed (named as the French form names
 * them), so that a form with errors comes back exactly as it was.
 *
 * @param jour the id of the session's day; may be empty when the session has one day
 * @param piste the parallel track; empty for the main programme
 * @param sujets the topics, one a line
 * @param version the version of the slot the form was filled from (edits only)
 */
record SlotForm(String jour, String debut, String fin, String nature, String format, String titre, String description,
                       String piste, Boolean provisoire, String sujets, Boolean sujetsSousReserve, Integer version) {

    /** An unticked checkbox sends nothing: it reads as false. */
    public SlotForm {
        provisoire = Boolean.TRUE.equals(provisoire);
        sujetsSousReserve = Boolean.TRUE.equals(sujetsSousReserve);
    }

    static final int MAX_TITLE = 300;
    static final int MAX_LABEL = 200;
    static final int MAX_TEXT = 4000;
    static final int MAX_TOPICS = 30;

    public static SlotForm empty() {
        return new SlotForm("", "", "", "", "", "", "", "", false, "", false, null);
    }

    /** The form filled with a slot's current values. */
    public static SlotForm of(Slot slot, int version) {
        return new SlotForm(String.valueOf(slot.sessionDayId()), FrenchTime.clock(slot.startsAt()), FrenchTime.clock(slot.endsAt()), slot.kind().name(),
                nullToEmpty(slot.formatLabel()), slot.title(), nullToEmpty(slot.description()),
                nullToEmpty(slot.track()), slot.provisional(), String.join("\n", slot.topics()),
                slot.topicsProvisional(), version);
    }

    /** The topics: one a line, blank lines dropped. */
    public List<String> topics() {
        if (sujets == null) {
            return List.of();
        }
        return Arrays.stream(sujets.split("\\R")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    /**
     * Checks the form against its day's hours and the other slots of that day: the draft when all
     * is well, otherwise the problems, at most one a field.
     */
    public Checked check(Long slotId, SessionDays days, List<Slot> slots) {
        List<FieldProblem> problems = new ArrayList<>();
        SessionDay day = day(days).orElse(null);
        if (day == null) {
            problems.add(FieldProblem.of("jour", "slot.error.day"));
        }
        Optional<LocalTime> start = time(debut, "debut", "slot.error.start.missing", "slot.error.start.format", problems);
        Optional<LocalTime> end = time(fin, "fin", "slot.error.end.missing", "slot.error.end.format", problems);
        SlotKind kind = null;
        if (blank(nature)) {
            problems.add(FieldProblem.of("nature", "slot.error.kind"));
        } else {
            try {
                kind = SlotKind.valueOf(nature.strip());
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.of("nature", "slot.error.kind"));
            }
        }
        if (blank(titre)) {
            problems.add(FieldProblem.of("titre", "slot.error.title.missing"));
        } else if (titre.strip().length() > MAX_TITLE) {
            problems.add(FieldProblem.of("titre", "slot.error.too.long", MAX_TITLE));
        }
        if (!blank(format) && format.strip().length() > MAX_LABEL) {
            problems.add(FieldProblem.of("format", "slot.error.too.long", MAX_LABEL));
        }
        if (!blank(piste) && piste.strip().length() > MAX_LABEL) {
            problems.add(FieldProblem.of("piste", "slot.error.too.long", MAX_LABEL));
        }
        if (!blank(description) && description.strip().length() > MAX_TEXT) {
            problems.add(FieldProblem.of("description", "slot.error.too.long", MAX_TEXT));
        }
        List<String> topics = topics();
        if (topics.size() > MAX_TOPICS) {
            problems.add(FieldProblem.of("sujets", "slot.error.topics.many", MAX_TOPICS));
        } else if (topics.stream().anyMatch(t -> t.length() > MAX_TITLE)) {
            problems.add(FieldProblem.of("sujets", "slot.error.topics.long", MAX_TITLE));
        } else if (sujetsSousReserve && topics.isEmpty()) {
            problems.add(FieldProblem.of("sujets", "slot.error.topics.provisional"));
        }
        if (start.isPresent() && end.isPresent() && kind != null && day != null) {
            List<Slot> daySlots = slots.stream().filter(s -> s.sessionDayId() == day.id()).toList();
            ProgrammeRules.checkTimes(slotId, start.get(), end.get(), kind, emptyToNull(piste), day.startsAt(),
                            day.endsAt(), daySlots).stream()
                    .filter(p -> problems.stream().noneMatch(q -> q.field().equals(p.field())))
                    .forEach(problems::add);
        }
        if (!problems.isEmpty()) {
            // In the order of the form, so that the summary reads like the form.
            List<String> order = List.of("jour", "debut", "fin", "nature", "format", "titre", "description", "piste", "sujets");
            problems.sort(Comparator.comparingInt(p -> order.indexOf(p.field())));
            return new Checked(null, List.copyOf(problems));
        }
        return new Checked(new SlotDraft(day.id(), start.get(), end.get(), kind, emptyToNull(format), titre.strip(),
                emptyToNull(description), emptyToNull(piste), provisoire, sujetsSousReserve, topics, List.of()), List.of());
    }

    /** The outcome of a check: a draft, or problems. */
    public record Checked(SlotDraft draft, List<FieldProblem> problems) {
        public boolean isValid() {
            return problems.isEmpty();
        }
    }

    /** The day chosen: by its id, or the only day of a one-day session when none is chosen. */
    private Optional<SessionDay> day(SessionDays days) {
        if (blank(jour)) {
            return days.isSingle() ? Optional.of(days.first()) : Optional.empty();
        }
        try {
            return days.byId(Long.parseLong(jour.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalTime> time(String text, String field, String missing, String format,
                                            List<FieldProblem> problems) {
        if (blank(text)) {
            problems.add(FieldProblem.of(field, missing));
            return Optional.empty();
        }
        Optional<LocalTime> time = ProgrammeRules.parseClock(text);
        if (time.isEmpty()) {
            problems.add(FieldProblem.of(field, format));
        }
        return time;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String emptyToNull(String s) {
        return blank(s) ? null : s.strip();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
