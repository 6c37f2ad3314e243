package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.rencontres.registration.RegistrationState.*;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.event.Days;
import org.rencontres.jobs.JobRuns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The scheduled job "registration-expire-offers", run by the application's own scheduler (every
 * 2 seconds in the tests), passes on an offer whose deadline has passed without anyone calling
 * {@link Registrations#expireOffers} by hand.
 */
@RencontresIntegrationTest
class OfferExpiryJobTest {

    @Autowired
    Registrations registrations;
    @Autowired
    Days days;
    @Autowired
    JdbcClient jdbc;

    @Test
    void the_job_expires_an_offer_whose_deadline_has_passed() {
        long dayId = TestDays.create(days, "Journée des offres expirées");
        registrations.setCapacity(new Capacity(dayId, 1, 48, false));
        long seated = awaitingOrganiser(dayId, "Quentin", "quentin@test-sur-seine.fr");
        long waiting = awaitingOrganiser(dayId, "Rose", "rose@test-sur-seine.fr");
        assertThat(registrations.confirm(seated, "orga@cnfpt.fr")).isEqualTo(CONFIRMED);
        assertThat(registrations.confirm(waiting, "orga@cnfpt.fr")).isEqualTo(WAITING_LIST);

        registrations.withdraw(seated, "quentin@test-sur-seine.fr", "Empêchement");
        Registration offered = registrations.find(waiting).orElseThrow();
        assertThat(offered.state()).isEqualTo(OFFERED);
        // 48 hours to answer: the job leaves it alone meanwhile.
        assertThat(offered.offerDeadline()).isAfter(Instant.now().plus(Duration.ofHours(47)));

        // The deadline passes.
        Instant past = Instant.now().minus(Duration.ofMinutes(5));
        assertThat(jdbc.sql("UPDATE registration SET offer_deadline = ? WHERE id = ? AND state = 'OFFERED'")
                .params(past.atOffset(ZoneOffset.UTC), waiting).update()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> registrations.find(waiting).orElseThrow().state() == EXPIRED);

        assertThat(registrations.history(waiting)).last().satisfies(t -> {
            assertThat(t.from()).isEqualTo(OFFERED);
            assertThat(t.to()).isEqualTo(EXPIRED);
            assertThat(t.actor()).isEqualTo("Système");
            assertThat(t.reason()).isEqualTo("Délai de réponse dépassé");
        });
        // The job ran through the scheduler's table (its completion is written just after the offer's transaction).
        await().atMost(Duration.ofSeconds(60)).until(() -> JobRuns.succeeded(jdbc, RegistrationJobs.EXPIRE_OFFERS));
        assertThat(state(seated)).isEqualTo(WITHDRAWN);
    }

    private long awaitingOrganiser(long dayId, String name, String email) {
        long id = registrations.request(dayId, TestDays.agent(name, email));
        registrations.advance(id, "formation@test-sur-seine.fr", null);
        registrations.advance(id, "formation@test-sur-seine.fr", null);
        assertThat(state(id)).isEqualTo(AWAITING_ORGANISER);
        return id;
    }

    private RegistrationState state(long id) {
        return registrations.find(id).orElseThrow().state();
    }
}
