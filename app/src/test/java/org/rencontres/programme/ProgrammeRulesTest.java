package org.rencontres.programme;

import org.rencontres.shared.FieldProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The time rules of a programme, on a day that runs from 9h30 to 16h30. */
class ProgrammeRulesTest {

    private static final LocalTime DAY_START = LocalTime.of(9, 30);
    private static final LocalTime DAY_END = LocalTime.of(16, 30);

    private final List<Slot> day = new ArrayList<>();
    private long nextId = 1;

    private Slot existing(String start, String end, SlotKind kind, String title, String track) {
        Slot slot = new Slot(nextId++, 1, LocalTime.parse(start), LocalTime.parse(end), kind, null, title, null, track,
                (int) nextId, false, false, List.of(), List.of());
        day.add(slot);
        return slot;
    }

    private List<String> check(Long id, String start, String end, SlotKind kind, String track) {
        return ProgrammeRules.checkTimes(id, LocalTime.parse(start), LocalTime.parse(end), kind, track, DAY_START,
                DAY_END, day).stream().map(p -> p.field() + ":" + p.code()).toList();
    }

    @Test
    void times_are_read_as_organisers_write_them() {
        assertThat(ProgrammeRules.parseClock("9h30")).contains(LocalTime.of(9, 30));
        assertThat(ProgrammeRules.parseClock("14h")).contains(LocalTime.of(14, 0));
        assertThat(ProgrammeRules.parseClock(" 09:05 ")).contains(LocalTime.of(9, 5));
        assertThat(ProgrammeRules.parseClock("16 h 15")).contains(LocalTime.of(16, 15));
        assertThat(ProgrammeRules.parseClock("24h")).isEmpty();
        assertThat(ProgrammeRules.parseClock("9h60")).isEmpty();
        assertThat(ProgrammeRules.parseClock("midi")).isEmpty();
        assertThat(ProgrammeRules.parseClock("")).isEmpty();
        assertThat(ProgrammeRules.parseClock(null)).isEmpty();
    }

    @Test
    void a_slot_ends_after_it_starts_and_only_the_end_of_the_day_lasts_no_time() {
        assertThat(check(null, "11:00", "10:00", SlotKind.TALK, null)).containsExactly("fin:slot.error.end.before");
        assertThat(check(null, "11:00", "11:00", SlotKind.TALK, null)).containsExactly("fin:slot.error.end.same");
        assertThat(check(null, "16:30", "16:30", SlotKind.END, null)).isEmpty();
        assertThat(check(null, "11:00", "11:30", SlotKind.TALK, null)).isEmpty();
    }

    @Test
    void a_slot_takes_place_within_the_day() {
        assertThat(check(null, "09:00", "10:00", SlotKind.WELCOME, null)).containsExactly("debut:slot.error.start.outside");
        assertThat(check(null, "16:00", "17:00", SlotKind.CLOSING, null)).containsExactly("fin:slot.error.end.outside");
        assertThat(check(null, "16:30", "16:45", SlotKind.TALK, null))
                .containsExactly("debut:slot.error.start.outside", "fin:slot.error.end.outside");
        assertThat(check(null, "09:30", "16:30", SlotKind.TALK, null)).isEmpty();
        assertThat(ProgrammeRules.checkTimes(null, LocalTime.of(8, 0), LocalTime.of(9, 0), SlotKind.TALK, null,
                DAY_START, DAY_END, day).get(0).args()).containsExactly("9h30", "16h30");
    }

    @Test
    void slots_of_one_track_do_not_overlap_but_may_touch() {
        existing("12:15", "12:30", SlotKind.SHARING, "Mise en partage", null);
        existing("12:30", "14:00", SlotKind.MEAL, "Déjeuner", null);

        assertThat(check(null, "13:00", "13:30", SlotKind.TALK, null)).containsExactly("debut:slot.error.overlap.main");
        assertThat(check(null, "12:00", "12:20", SlotKind.TALK, null)).containsExactly("debut:slot.error.overlap.main");
        assertThat(check(null, "11:15", "12:15", SlotKind.INTERACTION, null)).isEmpty();
        assertThat(check(null, "14:00", "14:30", SlotKind.TALK, null)).isEmpty();
        FieldProblem problem = ProgrammeRules.checkTimes(null, LocalTime.of(13, 0), LocalTime.of(15, 0), SlotKind.TALK,
                null, DAY_START, DAY_END, day).get(0);
        assertThat(problem.args()).containsExactly("Déjeuner", "12h30", "14h", "");
    }

    @Test
    void other_tracks_run_in_parallel_but_a_track_does_not_overlap_itself() {
        existing("12:30", "14:00", SlotKind.MEAL, "Déjeuner", null);
        existing("14:30", "16:00", SlotKind.WORKSHOP, "Atelier 1", "Atelier n°1");

        assertThat(check(null, "12:45", "14:00", SlotKind.NETWORKING, "Speed dating")).isEmpty();
        assertThat(check(null, "14:30", "16:00", SlotKind.WORKSHOP, "Atelier n°2")).isEmpty();
        assertThat(check(null, "15:00", "15:30", SlotKind.WORKSHOP, "Atelier n°1"))
                .containsExactly("debut:slot.error.overlap.track");
    }

    @Test
    void slots_sharing_one_moment_follow_one_another_and_the_end_of_the_day_overlaps_nothing() {
        existing("10:00", "10:15", SlotKind.SPEECH, "Allocutions d'ouverture", null);
        existing("16:15", "16:30", SlotKind.CLOSING, "Mot de clôture", null);

        assertThat(check(null, "10:00", "10:15", SlotKind.SPEECH, null)).isEmpty();
        assertThat(check(null, "10:00", "10:30", SlotKind.SPEECH, null)).containsExactly("debut:slot.error.overlap.main");
        assertThat(check(null, "16:30", "16:30", SlotKind.END, null)).isEmpty();
        assertThat(check(null, "16:20", "16:20", SlotKind.END, null)).isEmpty();
        existing("16:30", "16:30", SlotKind.END, "Fin de la journée", "Atelier");
        assertThat(check(null, "16:00", "16:30", SlotKind.WORKSHOP, "Atelier")).isEmpty();
    }

    @Test
    void a_slot_being_edited_does_not_overlap_itself() {
        Slot meal = existing("12:30", "14:00", SlotKind.MEAL, "Déjeuner", null);

        assertThat(check(meal.id(), "12:30", "14:15", SlotKind.MEAL, null)).isEmpty();
        assertThat(check(null, "12:30", "14:15", SlotKind.MEAL, null)).containsExactly("debut:slot.error.overlap.main");
    }
}
