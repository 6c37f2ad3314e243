package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.TestSessions;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.registration.needs.AccessibilityNeeds;
import org.rencontres.registration.needs.DeclaredNeeds;
import org.rencontres.registration.needs.NeedCounts;
import org.rencontres.registration.needs.NeedKind;
import org.rencontres.shared.EmailAddress;
import org.rencontres.shared.PersonData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The accessibility needs (health data) go with the rest of a person: the agent's export lists them, and the one
 * anonymiser that the retention purge and an erasure both use clears their words and the arrangement's text while
 * the session's counts stay the same.
 */
@RencontresIntegrationTest
class NeedsForgottenTest {

    private static final String WORDS = "Fauteuil roulant, accès de plain-pied " + System.nanoTime();

    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired AccessibilityNeeds needs;
    @Autowired RegistrationAnonymiser anonymiser;
    @Autowired RegistrationPersonData personData;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    @Test
    void the_export_lists_the_needs_and_forgetting_clears_their_words_but_keeps_the_counts() {
        long n = System.nanoTime() % 100_000_000;
        long dayId = TestSessions.session(days, registrations, new SessionCode("ZNF " + n), "Session des besoins " + n,
                "INSET des besoins oubliés " + n, TestSessions.halfDay());
        long withKind = TestSessions.confirmed(registrations, dayId, "Rémi", "Roulant" + n);
        long wordsOnly = TestSessions.confirmed(registrations, dayId, "Léa", "Mots" + n);
        long without = TestSessions.confirmed(registrations, dayId, "Paul", "Sans" + n);
        tx.executeWithoutResult(t -> {
            needs.record(withKind, dayId, new DeclaredNeeds(Set.of(NeedKind.MOBILITY), WORDS), Instant.now());
            needs.record(wordsOnly, dayId, new DeclaredNeeds(Set.of(), "Interprète " + WORDS), Instant.now());
        });
        NeedCounts before = needs.counts(dayId);
        assertThat(before.requests()).isEqualTo(2);

        // The export of the agent with needs says which and what they wrote; the one without has no such line.
        EmailAddress agent = new EmailAddress(registrations.find(withKind).orElseThrow().email());
        List<PersonData.Entry> entries = personData.of(agent, Locale.FRENCH).stream()
                .flatMap(s -> s.entries().stream()).toList();
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.label()).isEqualTo("Besoins liés à une situation de handicap");
            assertThat(e.value()).isEqualTo("Mobilité réduite — " + WORDS);
        });
        EmailAddress other = new EmailAddress(registrations.find(without).orElseThrow().email());
        assertThat(personData.of(other, Locale.FRENCH).stream().flatMap(s -> s.entries().stream()))
                .noneMatch(e -> e.label().equals("Besoins liés à une situation de handicap"));

        tx.executeWithoutResult(t -> anonymiser.anonymise(List.of(withKind, wordsOnly)));

        assertThat(jdbc.sql("SELECT count(*) FROM registration_needs WHERE details LIKE ?").param("%" + WORDS)
                .query(Integer.class).single()).isZero();
        assertThat(registrations.find(withKind).orElseThrow().surname()).isEqualTo(RegistrationAnonymiser.NAME);
        assertThat(registrations.find(without).orElseThrow().surname()).isEqualTo("Sans" + n);
        assertThat(needs.counts(dayId)).isEqualTo(before);
    }
}
