package org.rencontres.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class MeetingBoundsTest {

    @Test
    void rounds_limit_the_people_met_when_the_room_is_large() {
        // 30 people in groups of 6 over 5 rounds: at most 5 × 5 = 25 others.
        assertThat(MeetingBounds.maxDistinctPeople(30, 6, 5)).isEqualTo(25);
    }

    @Test
    void the_room_limits_the_people_met_when_it_is_small() {
        // Social golfers 5-3-7: 15 players, groups of 3, 7 rounds meet all 14 others.
        assertThat(MeetingBounds.maxDistinctPeople(15, 3, 7)).isEqualTo(14);
    }

    @Test
    void nobody_meets_anyone_without_rounds() {
        assertThat(MeetingBounds.maxDistinctPeople(12, 4, 0)).isZero();
    }

    @Test
    void themes_are_bounded_by_tables_and_rounds() {
        assertThat(MeetingBounds.maxDistinctThemes(5, 6)).isEqualTo(5);
        assertThat(MeetingBounds.maxDistinctThemes(7, 4)).isEqualTo(4);
    }

    @Test
    void nonsense_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> MeetingBounds.maxDistinctPeople(0, 6, 3));
        assertThatIllegalArgumentException().isThrownBy(() -> MeetingBounds.maxDistinctThemes(-1, 3));
    }
}
