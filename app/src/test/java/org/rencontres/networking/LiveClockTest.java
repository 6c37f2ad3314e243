package org.rencontres.networking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The course of a live clock, at instants given by the test (no waiting). */
class LiveClockTest {

    private static final Instant T0 = Instant.parse("2026-06-25T10:45:00Z");

    @Test
    void a_running_clock_moves_on_by_itself_round_changeover_round_then_finishes() {
        LiveClock started = LiveClock.notStarted(2, 600, 60).start(T0);
        assertThat(started.at(T0.plusSeconds(599))).satisfies(c -> {
            assertThat(c.phase()).isEqualTo(LivePhase.ROUND);
            assertThat(c.round()).isEqualTo(1);
            assertThat(c.remainingAt(T0.plusSeconds(599))).isEqualTo(1000);
            assertThat(c.nextStartsAt()).isEqualTo(T0.plusSeconds(660));
        });
        LiveClock changeover = started.at(T0.plusSeconds(630));
        assertThat(changeover.phase()).isEqualTo(LivePhase.CHANGEOVER);
        assertThat(changeover.round()).isEqualTo(1);
        assertThat(changeover.shownRound()).isEqualTo(2);
        assertThat(changeover.endsAt()).isEqualTo(T0.plusSeconds(660));
        LiveClock second = started.at(T0.plusSeconds(660));
        assertThat(second.phase()).isEqualTo(LivePhase.ROUND);
        assertThat(second.round()).isEqualTo(2);
        assertThat(second.endsAt()).isEqualTo(T0.plusSeconds(1260));
        assertThat(second.nextStartsAt()).isNull();
        // No changeover after the last round.
        assertThat(started.at(T0.plusSeconds(1260)).status()).isEqualTo(LiveStatus.FINISHED);
        assertThat(started.at(T0.plusSeconds(1259)).status()).isEqualTo(LiveStatus.RUNNING);
    }

    @Test
    void pause_freezes_the_time_left_and_resume_gives_it_back() {
        LiveClock paused = LiveClock.notStarted(3, 600, 0).start(T0).pause(T0.plusSeconds(100));
        assertThat(paused.status()).isEqualTo(LiveStatus.PAUSED);
        assertThat(paused.at(T0.plusSeconds(5000)).remainingAt(T0.plusSeconds(5000))).isEqualTo(500_000);
        LiveClock resumed = paused.resume(T0.plusSeconds(5000));
        assertThat(resumed.endsAt()).isEqualTo(T0.plusSeconds(5500));
        assertThat(resumed.addTime(60).endsAt()).isEqualTo(T0.plusSeconds(5560));
        assertThat(paused.addTime(300).remainingMillis()).isEqualTo(800_000);
        assertThatThrownBy(() -> paused.pause(T0)).isInstanceOf(LiveRefusal.class).hasMessage("live.refused.pause");
        assertThatThrownBy(() -> resumed.resume(T0)).isInstanceOf(LiveRefusal.class).hasMessage("live.refused.resume");
    }

    @Test
    void next_round_cuts_the_round_or_changeover_short_and_ends_after_the_last() {
        LiveClock c = LiveClock.notStarted(2, 600, 60).start(T0);
        LiveClock inChangeover = c.at(T0.plusSeconds(610));
        LiveClock second = inChangeover.nextRound(T0.plusSeconds(610));
        assertThat(second.round()).isEqualTo(2);
        assertThat(second.phase()).isEqualTo(LivePhase.ROUND);
        assertThat(second.endsAt()).isEqualTo(T0.plusSeconds(1210));
        assertThat(second.nextRound(T0.plusSeconds(700)).status()).isEqualTo(LiveStatus.FINISHED);
        LiveClock pausedNext = c.pause(T0.plusSeconds(10)).nextRound(T0.plusSeconds(20));
        assertThat(pausedNext.status()).isEqualTo(LiveStatus.PAUSED);
        assertThat(pausedNext.round()).isEqualTo(2);
        assertThat(pausedNext.remainingMillis()).isEqualTo(600_000);
    }

    @Test
    void controls_that_do_not_apply_are_refused() {
        LiveClock fresh = LiveClock.notStarted(2, 600, 60);
        assertThatThrownBy(() -> fresh.pause(T0)).hasMessage("live.refused.notstarted");
        assertThatThrownBy(() -> fresh.nextRound(T0)).hasMessage("live.refused.notstarted");
        assertThatThrownBy(() -> fresh.addTime(60)).hasMessage("live.refused.notstarted");
        assertThatThrownBy(() -> fresh.start(T0).start(T0)).hasMessage("live.refused.started");
        assertThatThrownBy(() -> LiveClock.notStarted(0, 600, 60).start(T0)).hasMessage("live.refused.empty");
        assertThatThrownBy(() -> fresh.start(T0).addTime(0)).hasMessage("live.refused.time");
        assertThatThrownBy(() -> fresh.start(T0).addTime(3601)).hasMessage("live.refused.time");
        LiveClock over = fresh.start(T0).at(T0.plusSeconds(100_000));
        assertThat(over.status()).isEqualTo(LiveStatus.FINISHED);
        assertThatThrownBy(() -> over.resume(T0)).hasMessage("live.refused.finished");
    }
}
