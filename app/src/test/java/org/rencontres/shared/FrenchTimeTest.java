package org.rencontres.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

class FrenchTimeTest {

    @Test
    void clock_times_read_as_in_french_programmes() {
        assertThat(FrenchTime.clock(LocalTime.of(9, 30))).isEqualTo("9h30");
        assertThat(FrenchTime.clock(LocalTime.of(12, 0))).isEqualTo("12h");
        assertThat(FrenchTime.clock(LocalTime.of(16, 5))).isEqualTo("16h05");
    }

    @Test
    void dates_are_written_out_and_machine_times_carry_the_paris_offset() {
        LocalDate day = LocalDate.of(2020, 6, 25);
        assertThat(FrenchTime.longDate(day)).isEqualTo("jeudi 25 juin 2020");
        assertThat(FrenchTime.isoDateTime(day, LocalTime.of(9, 30), FrenchTime.PARIS)).isEqualTo("2020-06-25T09:30+02:00");
        assertThat(FrenchTime.isoDateTime(LocalDate.of(2021, 1, 14), LocalTime.of(9, 0), FrenchTime.PARIS))
                .isEqualTo("2021-01-14T09:00+01:00");
    }
}
