package org.rencontres.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The dates of a session, as the back office orders them and as French sentences say them. */
class SessionDaysTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static SessionDays days(LocalDate... dates) {
        List<SessionDay> all = new ArrayList<>();
        for (int i = 0; i < dates.length; i++) {
            all.add(new SessionDay(i + 1, dates[i], LocalTime.of(9, 0), LocalTime.of(17, 0)));
        }
        return new SessionDays(all, PARIS);
    }

    @Test
    void one_day_reads_as_today_with_le_inside_a_sentence() {
        SessionDays one = days(LocalDate.of(2020, 10, 8));
        assertThat(one.isSingle()).isTrue();
        assertThat(one.frenchDates()).isEqualTo("jeudi 8 octobre 2020");
        assertThat(one.frenchWhen()).isEqualTo("le jeudi 8 octobre 2020");
        assertThat(one.first()).isSameAs(one.last());
    }

    @Test
    void consecutive_days_read_as_a_range_that_says_the_shared_month_once() {
        SessionDays two = days(LocalDate.of(2027, 3, 16), LocalDate.of(2027, 3, 17));
        assertThat(two.consecutive()).isTrue();
        assertThat(two.frenchDates()).isEqualTo("du mardi 16 au mercredi 17 mars 2027");
        assertThat(two.frenchWhen()).isEqualTo("du mardi 16 au mercredi 17 mars 2027");
        assertThat(two.count()).isEqualTo(2);
        assertThat(two.index(two.last())).isEqualTo(2);
    }

    @Test
    void a_range_over_two_months_or_two_years_names_both_and_writes_the_first_of_the_month_1er() {
        assertThat(days(LocalDate.of(2027, 3, 30), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 4, 1)).frenchDates())
                .isEqualTo("du mardi 30 mars au jeudi 1er avril 2027");
        assertThat(days(LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 1)).frenchDates())
                .isEqualTo("du jeudi 31 décembre 2026 au vendredi 1er janvier 2027");
    }

    @Test
    void days_with_a_gap_are_listed_with_et_and_les() {
        SessionDays gap = days(LocalDate.of(2027, 3, 18), LocalDate.of(2027, 3, 16));
        assertThat(gap.consecutive()).isFalse();
        assertThat(gap.firstDate()).isEqualTo(LocalDate.of(2027, 3, 16));
        assertThat(gap.frenchDates()).isEqualTo("mardi 16 et jeudi 18 mars 2027");
        assertThat(gap.frenchWhen()).isEqualTo("les mardi 16 et jeudi 18 mars 2027");
        assertThat(days(LocalDate.of(2027, 3, 16), LocalDate.of(2027, 3, 18), LocalDate.of(2027, 4, 2)).frenchDates())
                .isEqualTo("mardi 16, jeudi 18 mars et vendredi 2 avril 2027");
    }

    @Test
    void the_session_starts_with_its_first_day_and_ends_with_its_last() {
        SessionDays two = new SessionDays(List.of(
                new SessionDay(7, LocalDate.of(2027, 3, 17), LocalTime.of(9, 0), LocalTime.of(12, 30)),
                new SessionDay(3, LocalDate.of(2027, 3, 16), LocalTime.of(9, 0), LocalTime.of(17, 0))), PARIS);
        assertThat(two.start()).isEqualTo(LocalDate.of(2027, 3, 16).atTime(9, 0).atZone(PARIS));
        assertThat(two.end()).isEqualTo(LocalDate.of(2027, 3, 17).atTime(12, 30).atZone(PARIS));
        assertThat(two.byId(7).orElseThrow().date()).isEqualTo(LocalDate.of(2027, 3, 17));
        assertThat(two.byId(8)).isEmpty();
        assertThat(two.on(LocalDate.of(2027, 3, 16)).orElseThrow().id()).isEqualTo(3);
        assertThat(two.on(LocalDate.of(2027, 3, 18))).isEmpty();
    }

    @Test
    void a_session_has_at_least_one_day_and_never_two_on_one_date() {
        assertThatThrownBy(() -> new SessionDays(List.of(), PARIS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> days(LocalDate.of(2027, 3, 16), LocalDate.of(2027, 3, 16)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void registration_is_open_through_the_first_day_begun_until_the_last_and_past_after() {
        SessionDays two = days(LocalDate.of(2027, 3, 16), LocalDate.of(2027, 3, 18));
        assertThat(two.registrationPhase(LocalDate.of(2027, 3, 1))).isEqualTo(SessionDays.RegistrationPhase.OPEN);
        assertThat(two.registrationPhase(LocalDate.of(2027, 3, 16))).isEqualTo(SessionDays.RegistrationPhase.OPEN);
        assertThat(two.registrationPhase(LocalDate.of(2027, 3, 17))).isEqualTo(SessionDays.RegistrationPhase.BEGUN);
        assertThat(two.registrationPhase(LocalDate.of(2027, 3, 18))).isEqualTo(SessionDays.RegistrationPhase.BEGUN);
        assertThat(two.registrationPhase(LocalDate.of(2027, 3, 19))).isEqualTo(SessionDays.RegistrationPhase.PAST);
        SessionDays one = days(LocalDate.of(2027, 3, 16));
        assertThat(one.registrationPhase(LocalDate.of(2027, 3, 16))).isEqualTo(SessionDays.RegistrationPhase.OPEN);
        assertThat(one.registrationPhase(LocalDate.of(2027, 3, 17))).isEqualTo(SessionDays.RegistrationPhase.PAST);
    }
}
