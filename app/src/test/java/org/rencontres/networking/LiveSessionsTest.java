package org.rencontres.networking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.audit.AuditEntry;
import org.rencontres.audit.AuditTrail;
import org.rencontres.event.Days;
import org.rencontres.programme.Programmes;
import org.springframework.beans.factory.annotation.Autowired;

/** The live clock kept in the database: every control, its audit entry, and controls racing. */
@RencontresIntegrationTest
class LiveSessionsTest {

    private static final LiveActor WHO = new LiveActor(null, "Charlotte Chef d'orchestre");

    @Autowired Days days;
    @Autowired Programmes programmes;
    @Autowired NetworkingSessions rotations;
    @Autowired LiveSessions live;
    @Autowired AuditTrail audit;

    private LiveFixture fixture;
    private long id;

    @BeforeEach
    void aPreparedRotation() {
        fixture = LiveFixture.create(days, programmes, rotations, live, 600, 60);
        id = fixture.sessionId();
    }

    @Test
    void a_prepared_session_waits_with_its_first_round_shown() {
        LiveState s = live.state(id).orElseThrow();
        assertThat(s.status()).isEqualTo(LiveStatus.NOT_STARTED);
        assertThat(s.roundCount()).isEqualTo(3);
        assertThat(s.secondsLeft()).isEqualTo(600);
        assertThat(s.current().number()).isEqualTo(1);
        assertThat(s.next().number()).isEqualTo(2);
        assertThat(s.current().tables()).extracting(LiveTable::name).containsExactly("Table A", "Table B");
        assertThat(live.state(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void start_pause_resume_next_round_add_time_and_finish_after_the_last_round() throws Exception {
        long v0 = live.state(id).orElseThrow().version();
        LiveState started = live.start(id, WHO);
        assertThat(started.status()).isEqualTo(LiveStatus.RUNNING);
        assertThat(started.round()).isEqualTo(1);
        assertThat(started.version()).isEqualTo(v0 + 1);
        assertThat(started.secondsLeft()).isBetween(599L, 600L);
        assertThat(started.endsAt()).isEqualTo(started.serverNow().plusSeconds(600));
        assertThat(started.nextStartsAt()).isEqualTo(started.endsAt().plusSeconds(60));

        LiveState paused = live.pause(id, WHO);
        assertThat(paused.status()).isEqualTo(LiveStatus.PAUSED);
        assertThat(paused.endsAt()).isNull();
        Thread.sleep(1200);
        LiveState later = live.state(id).orElseThrow();
        assertThat(later.remainingMillis()).isEqualTo(paused.remainingMillis());
        assertThat(later.serverNow()).isAfter(paused.serverNow().plusMillis(1000));

        LiveState resumed = live.resume(id, WHO);
        assertThat(resumed.status()).isEqualTo(LiveStatus.RUNNING);
        assertThat(resumed.endsAt()).isEqualTo(resumed.serverNow().plusMillis(paused.remainingMillis()));

        LiveState longer = live.addTime(id, WHO, 300);
        assertThat(longer.endsAt()).isEqualTo(resumed.endsAt().plusSeconds(300));
        assertThat(longer.secondsLeft()).isGreaterThan(890);

        LiveState second = live.nextRound(id, WHO);
        assertThat(second.round()).isEqualTo(2);
        assertThat(second.phase()).isEqualTo(LivePhase.ROUND);
        assertThat(second.secondsLeft()).isBetween(599L, 600L);
        assertThat(second.current().number()).isEqualTo(2);
        assertThat(second.next().number()).isEqualTo(3);
        assertThat(live.seatOf(id, "p2").orElseThrow()).satisfies(seat -> {
            assertThat(seat.name()).isEqualTo("Participant 2");
            assertThat(seat.now().name()).isEqualTo("Table B");
            assertThat(seat.next().name()).isEqualTo("Table A");
        });
        assertThat(live.seatOf(id, "p99")).isEmpty();

        assertThatThrownBy(() -> live.prepare(id, fixture.dayId(), LiveFixture.plan(300, 0)))
                .isInstanceOf(LiveRefusal.class).hasMessage("live.refused.running");
        assertThat(live.state(id).orElseThrow().roundSeconds()).isEqualTo(600);

        assertThat(live.nextRound(id, WHO).round()).isEqualTo(3);
        LiveState finished = live.nextRound(id, WHO);
        assertThat(finished.status()).isEqualTo(LiveStatus.FINISHED);
        assertThat(finished.current()).isNull();
        assertThat(finished.secondsLeft()).isZero();
        assertThatThrownBy(() -> live.pause(id, WHO)).isInstanceOf(LiveRefusal.class)
                .hasMessage("live.refused.finished");
        assertThat(live.state(id).orElseThrow().version()).isEqualTo(finished.version());

        List<AuditEntry> entries = audit.of(fixture.dayId()).stream()
                .filter(e -> e.action().startsWith("live.")).toList();
        assertThat(entries).extracting(AuditEntry::action).containsExactly("live.next", "live.next", "live.next",
                "live.time.added", "live.resumed", "live.paused", "live.started");
        assertThat(entries).allSatisfy(e -> assertThat(e.actor()).isEqualTo("Charlotte Chef d'orchestre"));
        assertThat(entries.get(0).details()).isEqualTo("Passage au tour suivant : speed dating terminé");
        assertThat(entries.get(6).details()).startsWith("Speed dating démarré : tour 1 sur 3, reste ");

        // Once over, the plan may be replaced (published again): back to the start.
        live.prepare(id, fixture.dayId(), LiveFixture.plan(300, 0));
        assertThat(live.state(id).orElseThrow()).satisfies(s -> {
            assertThat(s.status()).isEqualTo(LiveStatus.NOT_STARTED);
            assertThat(s.roundSeconds()).isEqualTo(300);
            assertThat(s.version()).isEqualTo(finished.version() + 1);
        });
    }

    @Test
    void a_running_clock_reaches_the_changeover_and_the_next_round_by_the_database_time() throws Exception {
        LiveFixture quick = LiveFixture.create(days, programmes, rotations, live, 1, 1);
        live.start(quick.sessionId(), WHO);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> live.state(quick.sessionId()).orElseThrow().status() == LiveStatus.FINISHED);
        LiveState over = live.state(quick.sessionId()).orElseThrow();
        assertThat(over.round()).isEqualTo(3);
        assertThat(over.current()).isNull();
    }

    @Test
    void controls_racing_are_applied_one_after_the_other() throws Exception {
        LiveState started = live.start(id, WHO);
        int controls = 24;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Long>> versions = new ArrayList<>();
            for (int i = 0; i < controls; i++) {
                versions.add(pool.submit(() -> {
                    go.await();
                    return live.addTime(id, WHO, 60).version();
                }));
            }
            go.countDown();
            List<Long> seen = new ArrayList<>();
            for (Future<Long> v : versions) {
                seen.add(v.get(60, TimeUnit.SECONDS));
            }
            assertThat(seen).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.rangeClosed(
                            started.version() + 1, started.version() + controls).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
        LiveState after = live.state(id).orElseThrow();
        assertThat(after.version()).isEqualTo(started.version() + controls);
        assertThat(after.endsAt()).isEqualTo(started.endsAt().plusSeconds(60L * controls));
        assertThat(audit.of(fixture.dayId()).stream().filter(e -> e.action().equals("live.time.added")))
                .hasSize(controls);
    }
}
