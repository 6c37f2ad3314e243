package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.rencontres.registration.RegistrationState.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.event.Days;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@RencontresIntegrationTest
class RegistrationsTest {

    @Autowired
    Registrations registrations;
    @Autowired
    Days days;
    @Autowired
    JdbcClient jdbc;

    long dayId;

    @BeforeEach
    void day() {
        dayId = TestDays.create(days, "Journée des inscriptions");
    }

    private long awaitingOrganiser(String name) {
        long id = registrations.request(dayId, TestDays.agent(name, java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase() + "@test-sur-seine.fr"));
        registrations.advance(id, "formation@test-sur-seine.fr", null);
        registrations.advance(id, "formation@test-sur-seine.fr", "Avis favorable");
        assertThat(registrations.find(id).orElseThrow().state()).isEqualTo(AWAITING_ORGANISER);
        return id;
    }

    private RegistrationState state(long id) {
        return registrations.find(id).orElseThrow().state();
    }

    @Test
    void the_chain_with_the_line_managers_opinion_is_recorded_step_by_step() {
        registrations.setCapacity(new Capacity(dayId, 10, 48, true));
        long id = registrations.request(dayId, TestDays.agent("Aline", "aline@test-sur-seine.fr"));
        assertThat(state(id)).isEqualTo(REQUESTED);
        assertThat(registrations.advance(id, "Système", null)).isEqualTo(AWAITING_MANAGER);
        assertThat(registrations.advance(id, "chef@test-sur-seine.fr", "D'accord")).isEqualTo(AWAITING_TRAINING_SERVICE);
        assertThat(registrations.advance(id, "formation@test-sur-seine.fr", null)).isEqualTo(AWAITING_ORGANISER);
        assertThat(registrations.advance(id, "orga@cnfpt.fr", null)).isEqualTo(CONFIRMED);

        assertThat(registrations.history(id)).extracting(Transition::from, Transition::to, Transition::actor, Transition::reason)
                .containsExactly(
                        tuple(null, REQUESTED, "aline@test-sur-seine.fr", null),
                        tuple(REQUESTED, AWAITING_MANAGER, "Système", null),
                        tuple(AWAITING_MANAGER, AWAITING_TRAINING_SERVICE, "chef@test-sur-seine.fr", "D'accord"),
                        tuple(AWAITING_TRAINING_SERVICE, AWAITING_ORGANISER, "formation@test-sur-seine.fr", null),
                        tuple(AWAITING_ORGANISER, CONFIRMED, "orga@cnfpt.fr", null));
        assertThat(registrations.history(id)).allSatisfy(t -> assertThat(t.at()).isNotNull());
        assertThat(registrations.find(id).orElseThrow().version()).isEqualTo(4);
        assertThatThrownBy(() -> registrations.advance(id, "orga@cnfpt.fr", null))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void without_the_managers_opinion_the_request_goes_to_the_training_service() {
        long id = registrations.request(dayId, TestDays.agent("Basile", "basile@test-sur-seine.fr"));
        assertThat(registrations.advance(id, "Système", null)).isEqualTo(AWAITING_TRAINING_SERVICE);
    }

    @Test
    void a_second_live_request_of_the_same_agent_is_refused_whatever_the_case() {
        long id = registrations.request(dayId, TestDays.agent("Chloé", "chloe.durand@test-sur-seine.fr"));
        assertThatThrownBy(() -> registrations.request(dayId, TestDays.agent("Chloé", " Chloe.DURAND@Test-sur-Seine.fr")))
                .isInstanceOf(DuplicateRegistrationException.class);
        assertThat(registrations.ofDay(dayId)).hasSize(1);

        // Once withdrawn, the agent may ask again; another day is another request.
        registrations.withdraw(id, "chloe.durand@test-sur-seine.fr", null);
        long again = registrations.request(dayId, TestDays.agent("Chloé", "CHLOE.durand@test-sur-seine.fr"));
        assertThat(again).isNotEqualTo(id);
        long otherDay = TestDays.create(days, "Autre journée");
        registrations.request(otherDay, TestDays.agent("Chloé", "chloe.durand@test-sur-seine.fr"));
    }

    @Test
    void simultaneous_requests_of_one_agent_give_one_registration() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Long>> attempts = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String email = i % 2 == 0 ? "zoe@test-sur-seine.fr" : "ZOE@test-sur-seine.fr";
                attempts.add(pool.submit(() -> {
                    start.await();
                    try {
                        return registrations.request(dayId, TestDays.agent("Zoé", email));
                    } catch (DuplicateRegistrationException refused) {
                        return null;
                    }
                }));
            }
            start.countDown();
            long made = 0;
            for (java.util.concurrent.Future<Long> attempt : attempts) {
                if (attempt.get(60, java.util.concurrent.TimeUnit.SECONDS) != null) {
                    made++;
                }
            }
            assertThat(made).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(registrations.ofDay(dayId)).hasSize(1);
    }

    @Test
    void the_unique_index_holds_even_without_the_check() {
        registrations.request(dayId, TestDays.agent("Denis", "denis@test-sur-seine.fr"));
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO registration (event_day_id, surname, given_name, email, phone, position_service, employer_name,
                    consent_at, state) VALUES (?, 'X', 'Y', 'DENIS@test-sur-seine.fr', '0100000000', 'Z', 'W', now(), 'CONFIRMED')""")
                .param(dayId).update())
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }

    @Test
    void a_refusal_without_a_reason_is_refused_and_changes_nothing() {
        long id = registrations.request(dayId, TestDays.agent("Émile", "emile@test-sur-seine.fr"));
        assertThatThrownBy(() -> registrations.refuse(id, "formation@test-sur-seine.fr", null))
                .isInstanceOf(ReasonRequiredException.class);
        assertThatThrownBy(() -> registrations.refuse(id, "formation@test-sur-seine.fr", "   "))
                .isInstanceOf(ReasonRequiredException.class);
        assertThat(state(id)).isEqualTo(REQUESTED);
        assertThat(registrations.history(id)).hasSize(1);

        registrations.refuse(id, "formation@test-sur-seine.fr", "Formation déjà suivie en 2015");
        assertThat(state(id)).isEqualTo(REFUSED);
        assertThat(registrations.history(id)).last().extracting(Transition::reason).isEqualTo("Formation déjà suivie en 2015");
        // The database refuses one too.
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO registration_transition (registration_id, from_state, to_state, actor) VALUES (?, 'REQUESTED', 'REFUSED', 'x')""")
                .param(id).update()).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    @Test
    void a_confirmed_registration_cannot_be_refused_and_final_states_stay_final() {
        registrations.setCapacity(new Capacity(dayId, 5, 48, false));
        long id = awaitingOrganiser("Fanny");
        registrations.confirm(id, "orga@cnfpt.fr");
        assertThatThrownBy(() -> registrations.refuse(id, "orga@cnfpt.fr", "Trop tard"))
                .isInstanceOf(IllegalTransitionException.class);
        registrations.cancel(id, "orga@cnfpt.fr", "Journée réservée aux agents de catégorie A");
        assertThatThrownBy(() -> registrations.withdraw(id, "fanny@test-sur-seine.fr", null))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(state(id)).isEqualTo(CANCELLED);
    }

    @Test
    void confirming_needs_a_capacity() {
        long id = awaitingOrganiser("Gaspard");
        assertThatThrownBy(() -> registrations.confirm(id, "orga@cnfpt.fr")).isInstanceOf(IllegalStateException.class);
        assertThat(state(id)).isEqualTo(AWAITING_ORGANISER);
    }

    @Test
    void a_bad_request_is_refused() {
        Instant consent = Instant.now();
        assertThatThrownBy(() -> new RequestDraft("A", "B", "pas-une-adresse", "0160797400", "RH", null, "Commune",
                null, null, null, consent)).hasMessageStartingWith("email");
        assertThatThrownBy(() -> new RequestDraft("A", "B", "a@b.fr", "appelez-moi", "RH", null, "Commune",
                null, null, null, consent)).hasMessageStartingWith("phone");
        assertThatThrownBy(() -> new RequestDraft("A", "B", "a@b.fr", "0160797400", "RH", null, " ",
                null, null, null, consent)).hasMessageStartingWith("employer");
        assertThatThrownBy(() -> new RequestDraft("A", "B", "a@b.fr", "0160797400", "RH", null, "Commune",
                null, null, null, null)).hasMessageStartingWith("consentAt");
        assertThat(new RequestDraft("A", "B", "a@b.fr", "+33 1 60 79 74 00", "RH", null, "Commune", "", "", null, consent)
                .employerTyped()).isTrue();
    }

    @Test
    void a_freed_seat_is_offered_the_offer_expires_and_passes_on_and_the_next_accepts() {
        registrations.setCapacity(new Capacity(dayId, 2, 48, false));
        long first = awaitingOrganiser("Hugo");
        long second = awaitingOrganiser("Inès");
        long third = awaitingOrganiser("Jules");
        long fourth = awaitingOrganiser("Karima");
        assertThat(registrations.confirm(first, "orga@cnfpt.fr")).isEqualTo(CONFIRMED);
        assertThat(registrations.confirm(second, "orga@cnfpt.fr")).isEqualTo(CONFIRMED);
        assertThat(registrations.confirm(third, "orga@cnfpt.fr")).isEqualTo(WAITING_LIST);
        assertThat(registrations.confirm(fourth, "orga@cnfpt.fr")).isEqualTo(WAITING_LIST);
        assertThat(registrations.waitingList(dayId)).extracting(Registration::id, Registration::waitingPosition)
                .containsExactly(tuple(third, 1), tuple(fourth, 2));

        Instant before = Instant.now();
        registrations.withdraw(second, "ines@test-sur-seine.fr", "Empêchement");
        Registration offered = registrations.find(third).orElseThrow();
        assertThat(offered.state()).isEqualTo(OFFERED);
        assertThat(offered.offerDeadline()).isBetween(before.plus(Duration.ofHours(48)), Instant.now().plus(Duration.ofHours(48)));
        assertThat(state(fourth)).isEqualTo(WAITING_LIST);
        // The offer holds the seat: nobody else is confirmed meanwhile.
        long fifth = awaitingOrganiser("Léon");
        assertThat(registrations.confirm(fifth, "orga@cnfpt.fr")).isEqualTo(WAITING_LIST);
        assertThat(registrations.find(fifth).orElseThrow().waitingPosition()).isEqualTo(3);

        // Not yet due: nothing expires.
        assertThat(registrations.expireOffers(offered.offerDeadline().minusSeconds(1))).isZero();
        assertThat(state(third)).isEqualTo(OFFERED);

        Instant late = offered.offerDeadline().plusSeconds(60);
        assertThatThrownBy(() -> registrations.acceptOffer(third, "jules@test-sur-seine.fr", late))
                .isInstanceOf(OfferExpiredException.class);
        assertThat(registrations.expireOffers(late)).isEqualTo(1);
        assertThat(state(third)).isEqualTo(EXPIRED);
        Registration next = registrations.find(fourth).orElseThrow();
        assertThat(next.state()).isEqualTo(OFFERED);
        assertThat(next.offerDeadline()).isEqualTo(late.plus(Duration.ofHours(48)));
        assertThat(registrations.history(third)).last().satisfies(t -> {
            assertThat(t.to()).isEqualTo(EXPIRED);
            assertThat(t.actor()).isEqualTo(Registrations.SYSTEM);
        });
        // Running it again (another instance, the next tick) changes nothing.
        assertThat(registrations.expireOffers(late)).isZero();

        registrations.acceptOffer(fourth, "karima@test-sur-seine.fr", late.plusSeconds(60));
        assertThat(state(fourth)).isEqualTo(CONFIRMED);
        assertThat(state(fifth)).isEqualTo(WAITING_LIST);
        assertThat(registrations.ofDay(dayId).stream().filter(r -> r.state() == CONFIRMED)).hasSize(2);
        assertThatThrownBy(() -> registrations.acceptOffer(fourth, "karima@test-sur-seine.fr"))
                .isInstanceOf(IllegalTransitionException.class);
        // The agent whose offer expired may ask again.
        registrations.request(dayId, TestDays.agent("Jules", "jules@test-sur-seine.fr"));
    }

    @Test
    void an_organiser_promotes_by_hand_and_more_seats_are_offered_at_once() {
        registrations.setCapacity(new Capacity(dayId, 1, 24, false));
        long seated = awaitingOrganiser("Mona");
        registrations.confirm(seated, "orga@cnfpt.fr");
        long a = awaitingOrganiser("Noé");
        long b = awaitingOrganiser("Olga");
        long c = awaitingOrganiser("Paul");
        for (long id : new long[] {a, b, c}) {
            assertThat(registrations.confirm(id, "orga@cnfpt.fr")).isEqualTo(WAITING_LIST);
        }
        assertThatThrownBy(() -> registrations.promote(seated, "orga@cnfpt.fr", null))
                .isInstanceOf(IllegalTransitionException.class);

        registrations.promote(c, "orga@cnfpt.fr", "Intervenante de l'après-midi");
        assertThat(registrations.waitingList(dayId)).extracting(Registration::id, Registration::waitingPosition)
                .containsExactly(tuple(c, 1), tuple(a, 2), tuple(b, 3));
        assertThat(registrations.history(c)).last().extracting(Transition::from, Transition::to, Transition::reason)
                .containsExactly(WAITING_LIST, WAITING_LIST, "Intervenante de l'après-midi");

        registrations.cancel(seated, "orga@cnfpt.fr", null);
        assertThat(state(c)).isEqualTo(OFFERED);
        registrations.setCapacity(new Capacity(dayId, 2, 24, false));
        assertThat(state(a)).isEqualTo(OFFERED);
        assertThat(state(b)).isEqualTo(WAITING_LIST);
        // Refusing an offer frees its seat for the next one.
        registrations.refuse(a, "orga@cnfpt.fr", "Hors public visé");
        assertThat(state(b)).isEqualTo(OFFERED);
    }
}
