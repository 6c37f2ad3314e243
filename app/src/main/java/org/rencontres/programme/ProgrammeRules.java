package org.rencontres.programme;

import org.rencontres.shared.FieldProblem;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rencontres.shared.FrenchTime;

/**
 * The time rules of a programme: a slot ends after it starts (only the end of the day may last
 * no time at all), it takes place within the day's hours, and it does not overlap another slot of
 * the same track; slots of different tracks run in parallel freely. Slots of one track that share
 * exactly the same start and end form one moment, shown one after the other (opening speeches,
 * then the presentation of the programme), and so do not count as an overlap.
 */
public final class ProgrammeRules {

    /** "9h30", "9h", "09:30", "9:30", "14 h 15". */
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2})\\s*[hH:]\\s*(\\d{2})?");

    private ProgrammeRules() {
    }

    /** A time as organisers write it, or empty when it is not one. */
    public static Optional<LocalTime> parseClock(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = CLOCK.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        if (hour > 23 || minute > 59) {
            return Optional.empty();
        }
        return Optional.of(LocalTime.of(hour, minute));
    }

    /**
     * What is wrong with placing a slot at these times on that track, the day's other slots given.
     *
     * @param slotId the slot being edited (left out of the comparison), or null for a new one
     * @param track the parallel track, or null for the main programme
     */
    public static List<FieldProblem> checkTimes(Long slotId, LocalTime startsAt, LocalTime endsAt, SlotKind kind,
                                               String track, LocalTime dayStartsAt, LocalTime dayEndsAt,
                                               List<Slot> daySlots) {
        List<FieldProblem> problems = new ArrayList<>();
        String dayStart = FrenchTime.clock(dayStartsAt);
        String dayEnd = FrenchTime.clock(dayEndsAt);
        boolean endOfDay = kind == SlotKind.END && startsAt.equals(dayEndsAt);
        boolean startsWithin = !startsAt.isBefore(dayStartsAt) && (startsAt.isBefore(dayEndsAt) || endOfDay);
        if (!startsWithin) {
            problems.add(FieldProblem.of("debut", "slot.error.start.outside", dayStart, dayEnd));
        }
        if (endsAt.isBefore(startsAt)) {
            problems.add(FieldProblem.of("fin", "slot.error.end.before"));
        } else if (endsAt.equals(startsAt) && kind != SlotKind.END) {
            problems.add(FieldProblem.of("fin", "slot.error.end.same"));
        } else if (endsAt.isAfter(dayEndsAt) || endsAt.isBefore(dayStartsAt)) {
            problems.add(FieldProblem.of("fin", "slot.error.end.outside", dayStart, dayEnd));
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        for (Slot other : daySlots) {
            if (Objects.equals(slotId, other.id()) || !Objects.equals(track, other.track())) {
                continue;
            }
            boolean sameMoment = other.startsAt().equals(startsAt) && other.endsAt().equals(endsAt);
            // Half-open intervals: touching slots (12h15–12h30, 12h30–14h) do not overlap, and the
            // zero-length end of the day overlaps nothing, nor is overlapped.
            boolean instant = startsAt.equals(endsAt) || other.startsAt().equals(other.endsAt());
            boolean overlaps = !instant && startsAt.isBefore(other.endsAt()) && other.startsAt().isBefore(endsAt);
            if (overlaps && !sameMoment) {
                problems.add(FieldProblem.of("debut", track == null ? "slot.error.overlap.main" : "slot.error.overlap.track",
                        other.title(), FrenchTime.clock(other.startsAt()), FrenchTime.clock(other.endsAt()),
                        track == null ? "" : track));
                break;
            }
        }
        return problems;
    }
}
