package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.RepeatedTest;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.event.Days;
import org.springframework.beans.factory.annotation.Autowired;

/** 200 simultaneous confirmations for 50 seats on one instance: 50 confirmed, 150 waiting, in order. */
@RencontresIntegrationTest
class ConcurrentConfirmationTest {

    @Autowired
    Registrations registrations;
    @Autowired
    Days days;

    /**
     * Withdrawals, cancellations, confirmations, acceptances and offer expiries all at once: the
     * seats held never exceed the day's and every freed seat goes to the head of the waiting list.
     */
    @RepeatedTest(3)
    void seats_freed_and_taken_at_the_same_time_stay_within_capacity() throws Exception {
        long dayId = TestDays.create(days, "Journée des désistements");
        registrations.setCapacity(new Capacity(dayId, 20, 48, false));
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long id = registrations.request(dayId, TestDays.agent("Agent " + i, "mix." + i + "@course.test"));
            registrations.advance(id, "formation@course.test", null);
            registrations.advance(id, "formation@course.test", null);
            ids.add(id);
        }
        for (long id : ids.subList(0, 40)) {
            registrations.confirm(id, "orga@cnfpt.fr");
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<?>> work = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                long confirmed = ids.get(i);
                work.add(pool.submit(() -> {
                    start.await();
                    if (confirmed % 2 == 0) {
                        registrations.withdraw(confirmed, "agent", null);
                    } else {
                        registrations.cancel(confirmed, "orga@cnfpt.fr", "Test");
                    }
                    return null;
                }));
            }
            for (long waiting : ids.subList(40, 60)) {
                work.add(pool.submit(() -> {
                    start.await();
                    return registrations.confirm(waiting, "orga@cnfpt.fr");
                }));
            }
            for (int i = 0; i < 4; i++) {
                work.add(pool.submit(() -> {
                    start.await();
                    return registrations.expireOffers(java.time.Instant.now());
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<?> f : work) {
                f.get(120, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Registration> all = registrations.ofDay(dayId);
        assertThat(all.stream().filter(r -> r.state().holdsSeat())).hasSize(20);
        assertThat(all.stream().filter(r -> r.state() == RegistrationState.CONFIRMED)).hasSize(10);
        List<Integer> offered = all.stream().filter(r -> r.state() == RegistrationState.OFFERED)
                .map(Registration::waitingPosition).sorted().toList();
        assertThat(offered).isEqualTo(java.util.stream.IntStream.rangeClosed(1, 10).boxed().toList());
        assertThat(registrations.waitingList(dayId)).extracting(Registration::waitingPosition)
                .isEqualTo(java.util.stream.IntStream.rangeClosed(11, 40).boxed().toList());
    }

    @RepeatedTest(3)
    void two_hundred_confirmations_for_fifty_seats() throws Exception {
        ConfirmationRace.run(days, List.of(registrations));
    }
}
