package org.rencontres.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProgrammeTimelineTest {

    private int position;

    private Slot slot(String start, String end, SlotKind kind, String title, String track) {
        return new Slot(position, 1, LocalTime.parse(start), LocalTime.parse(end), kind, null, title, null, track,
                position++, false, false, List.of(), List.of());
    }

    @Test
    void slots_starting_together_on_one_track_share_a_moment() {
        Programme programme = new Programme(1, List.of(
                slot("09:30", "10:00", SlotKind.WELCOME, "Accueil", null),
                slot("10:00", "10:15", SlotKind.SPEECH, "Allocutions", null),
                slot("10:00", "10:15", SlotKind.SPEECH, "Présentation du programme", null),
                slot("10:15", "11:15", SlotKind.TALK, "Exposés", null)));

        List<Programme.Entry> timeline = programme.timeline();

        assertThat(timeline).extracting(Programme.Entry::startsAt)
                .containsExactly(LocalTime.of(9, 30), LocalTime.of(10, 0), LocalTime.of(10, 15));
        assertThat(timeline.get(1).slots()).extracting(Slot::title).containsExactly("Allocutions", "Présentation du programme");
        assertThat(timeline.get(1).isParallel()).isFalse();
    }

    @Test
    void another_track_starting_during_a_slot_runs_in_parallel_with_it() {
        Programme programme = new Programme(1, List.of(
                slot("12:30", "14:00", SlotKind.MEAL, "Déjeuner", null),
                slot("12:45", "14:00", SlotKind.NETWORKING, "Speed dating", "Speed dating"),
                slot("14:00", "14:30", SlotKind.TALK, "Exposé", null)));

        List<Programme.Entry> timeline = programme.timeline();

        assertThat(timeline).hasSize(2);
        Programme.Entry lunch = timeline.get(0);
        assertThat(lunch.isParallel()).isTrue();
        assertThat(lunch.trackGroups()).extracting(Programme.Track::name).containsExactly(null, "Speed dating");
        assertThat(lunch.trackGroups().get(1).startsWithEntry(lunch)).isFalse();
        assertThat(timeline.get(1).slots()).extracting(Slot::title).containsExactly("Exposé");
    }

    @Test
    void parallel_workshops_are_one_moment_with_two_tracks() {
        Programme programme = new Programme(1, List.of(
                slot("14:30", "16:00", SlotKind.WORKSHOP, "Atelier 1", "Atelier n°1"),
                slot("14:30", "16:00", SlotKind.WORKSHOP, "Atelier 2", "Atelier n°2"),
                slot("16:00", "16:15", SlotKind.SHARING, "Mise en partage", null)));

        List<Programme.Entry> timeline = programme.timeline();

        assertThat(timeline).hasSize(2);
        assertThat(timeline.get(0).tracks()).containsExactly("Atelier n°1", "Atelier n°2");
    }

    @Test
    void a_slot_of_the_same_track_that_starts_later_is_a_new_moment() {
        Programme programme = new Programme(1, List.of(
                slot("09:00", "12:00", SlotKind.TALK, "Long", null),
                slot("10:00", "11:00", SlotKind.TALK, "Overlapping on the main track", null)));

        assertThat(programme.timeline()).hasSize(2);
    }
}
