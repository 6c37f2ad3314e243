package org.rencontres.planner.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableSizesTest {

    @Test
    void thirty_one_people_at_five_tables_make_one_table_of_seven() {
        TableSizes sizes = TableSizes.of(31, new int[5], new int[] {7, 7, 7, 7, 7});
        assertThat(sizes.level()).isEqualTo(6);
        assertThat(sizes.extra()).isEqualTo(1);
        assertThat(sizes.spread()).isEqualTo(1);
    }

    @Test
    void too_many_people_do_not_fit() {
        assertThat(TableSizes.of(31, new int[5], new int[] {6, 6, 6, 6, 6})).isNull();
    }

    @Test
    void a_small_table_forces_a_spread() {
        TableSizes sizes = TableSizes.of(12, new int[2], new int[] {2, 10});
        assertThat(sizes.spread()).isEqualTo(8);
    }

    @Test
    void fixed_seats_raise_a_table_above_the_level() {
        TableSizes sizes = TableSizes.of(10, new int[] {5, 0, 0}, new int[] {6, 6, 6});
        assertThat(sizes.base(0)).isEqualTo(5);
        assertThat(sizes.base(1) + sizes.base(2) + sizes.extra()).isEqualTo(5);
        assertThat(sizes.canTakeOneMore(0)).isFalse();
    }
}
