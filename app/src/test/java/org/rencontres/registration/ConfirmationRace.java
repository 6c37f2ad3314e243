package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.rencontres.event.Days;

/**
 * 200 registrations awaiting the organiser, for a day of 50 seats, all confirmed at once from a
 * pool of 32 threads, each confirmation in its own transaction, spread over one or more instances.
 */
final class ConfirmationRace {

    static final int REQUESTS = 200;
    static final int SEATS = 50;

    private ConfirmationRace() {
    }

    /** Runs the race on a new day and checks its outcome; {@code instances} share one database. */
    static void run(Days days, List<Registrations> instances) throws Exception {
        Registrations first = instances.get(0);
        long dayId = TestDays.create(days, "Journée de la course aux places");
        first.setCapacity(new Capacity(dayId, SEATS, 48, false));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            long id = first.request(dayId, TestDays.agent("Agent " + i, "agent." + i + "@course.test"));
            first.advance(id, "formation@course.test", null);
            first.advance(id, "formation@course.test", null);
            ids.add(id);
        }

        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<RegistrationState>> outcomes = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                long id = ids.get(i);
                Registrations instance = instances.get(i % instances.size());
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return instance.confirm(id, "orga@cnfpt.fr");
                }));
            }
            start.countDown();
            long confirmedAnswers = 0;
            for (Future<RegistrationState> outcome : outcomes) {
                if (outcome.get(120, TimeUnit.SECONDS) == RegistrationState.CONFIRMED) {
                    confirmedAnswers++;
                }
            }
            assertThat(confirmedAnswers).isEqualTo(SEATS);
        } finally {
            pool.shutdownNow();
        }

        List<Registration> all = first.ofDay(dayId);
        assertThat(all).hasSize(REQUESTS);
        assertThat(all.stream().filter(r -> r.state() == RegistrationState.CONFIRMED)).hasSize(SEATS);
        List<Registration> waiting = all.stream().filter(r -> r.state() == RegistrationState.WAITING_LIST).toList();
        assertThat(waiting).hasSize(REQUESTS - SEATS);
        assertThat(waiting.stream().map(Registration::waitingPosition).sorted().toList())
                .isEqualTo(IntStream.rangeClosed(1, REQUESTS - SEATS).boxed().toList());
        assertThat(first.waitingList(dayId)).extracting(Registration::waitingPosition)
                .isEqualTo(IntStream.rangeClosed(1, REQUESTS - SEATS).boxed().toList());

        // In order: every confirmation was recorded before the first waiting-listing, and positions
        // follow the order in which the waiting-listings were recorded (under the day's lock).
        List<Transition> last = all.stream().map(r -> lastOf(first, r.id())).toList();
        assertThat(last).allSatisfy(t -> assertThat(t.from()).isEqualTo(RegistrationState.AWAITING_ORGANISER));
        Instant lastConfirmation = last.stream().filter(t -> t.to() == RegistrationState.CONFIRMED)
                .map(Transition::at).max(Comparator.naturalOrder()).orElseThrow();
        List<Transition> waitingListed = last.stream().filter(t -> t.to() == RegistrationState.WAITING_LIST)
                .sorted(Comparator.comparing(Transition::at)).toList();
        assertThat(waitingListed.get(0).at()).isAfter(lastConfirmation);
        assertThat(waitingListed.stream().map(t -> first.find(t.registrationId()).orElseThrow().waitingPosition()).toList())
                .isEqualTo(IntStream.rangeClosed(1, REQUESTS - SEATS).boxed().toList());
    }

    private static Transition lastOf(Registrations registrations, long id) {
        List<Transition> history = registrations.history(id);
        return history.get(history.size() - 1);
    }

}
