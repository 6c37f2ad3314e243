package org.rencontres.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rencontres.event.Day;
import org.rencontres.event.DayStatus;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDay;
import org.rencontres.event.SessionDays;
import org.rencontres.shared.FrenchTime;
import org.rencontres.shared.RichText;

/** The survey opens at the first minute of the day, in the day's own time zone. */
class SurveyOpeningTest {

    private static Day startingAt(LocalDate date, LocalTime startsAt) {
        return new Day(1, new SessionCode("ZOPEN 1"), "Journée", null, null,
                new SessionDays(List.of(new SessionDay(1, date, startsAt, LocalTime.of(16, 30))), FrenchTime.PARIS),
                DayStatus.PUBLISHED, null, RichText.of(""), null, null, null, false, null, null, null,
                List.of(), List.of(), List.of(), 0);
    }

    @Test
    void closed_until_the_day_starts_in_paris_time_then_open() {
        // 25 June 2020, 9h30 in Paris (summer time) is 7h30 UTC.
        Day summer = startingAt(LocalDate.of(2020, 6, 25), LocalTime.of(9, 30));
        assertThat(Surveys.isOpen(summer, Instant.parse("2020-06-24T12:00:00Z"))).isFalse();
        assertThat(Surveys.isOpen(summer, Instant.parse("2020-06-25T07:29:59Z"))).isFalse();
        assertThat(Surveys.isOpen(summer, Instant.parse("2020-06-25T07:30:00Z"))).isTrue();
        assertThat(Surveys.isOpen(summer, Instant.parse("2020-06-26T07:30:00Z"))).isTrue();

        // In winter Paris is one hour ahead of UTC, not two.
        Day winter = startingAt(LocalDate.of(2021, 1, 14), LocalTime.of(9, 0));
        assertThat(Surveys.isOpen(winter, Instant.parse("2021-01-14T07:59:59Z"))).isFalse();
        assertThat(Surveys.isOpen(winter, Instant.parse("2021-01-14T08:00:00Z"))).isTrue();
    }
}
