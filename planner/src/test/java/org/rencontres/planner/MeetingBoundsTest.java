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

    @Test
    void the_most_even_split_puts_the_fewest_pairs_together() {
        assertThat(MeetingBounds.minPairsInSplit(6, 5)).isEqualTo(1);
        assertThat(MeetingBounds.minPairsInSplit(6, 6)).isZero();
        assertThat(MeetingBounds.minPairsInSplit(12, 5)).isEqualTo(2 * 3 + 3 * 1);
        assertThat(MeetingBounds.minPairsInSplit(0, 3)).isZero();
    }

    @Test
    void two_rounds_of_thirty_in_five_groups_repeat_at_least_five_pairs_or_ten_with_the_table_rule() {
        // Each group of 6 spreads over 5 groups (2+1+1+1+1: one pair again), or over 4 with the table rule
        // (2+2+1+1: two pairs again).
        assertThat(MeetingBounds.minRepeatsBetweenTwoRounds(30, 5, false)).isEqualTo(5);
        assertThat(MeetingBounds.minRepeatsBetweenTwoRounds(30, 5, true)).isEqualTo(10);
    }

    @Test
    void the_lower_bound_adds_up_over_every_pair_of_rounds() {
        int[][] common = new int[5][5];
        for (int[] row : common) {
            java.util.Arrays.fill(row, 30);
        }
        assertThat(MeetingBounds.lowerBoundRepeatPairs(common, 5, false)).isEqualTo(50);
        assertThat(MeetingBounds.lowerBoundRepeatPairs(common, 5, true)).isEqualTo(100);
    }

    @Test
    void designs_that_exist_have_a_zero_bound() {
        int[][] common = new int[9][9];
        for (int[] row : common) {
            java.util.Arrays.fill(row, 32);
        }
        assertThat(MeetingBounds.lowerBoundRepeatPairs(common, 8, false)).isZero();
    }
}
