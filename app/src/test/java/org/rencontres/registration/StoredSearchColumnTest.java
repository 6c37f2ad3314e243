package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.event.DayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.Venue;
import org.rencontres.shared.FrenchSearch;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The requests' searched text stored in a generated column (V63_1): exactly {@link FrenchSearch#folded} of
 * {@link QueuePages#SEARCHED}, on insert and on update; the search reads it within the session, without case nor
 * accents, by a part of a name, and finds nothing of another session.
 */
@RencontresIntegrationTest
class StoredSearchColumnTest {

    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired JdbcClient jdbc;

    private long day(String code) {
        long id = days.create(new DayDraft(new SessionCode(code), "Journée de la recherche", null, null,
                List.of(new SessionDayDraft(LocalDate.of(2031, 5, 6), LocalTime.of(9, 0), LocalTime.of(17, 0))),
                "Une journée de test.", null, null, null, false, null, "INSET de la recherche", new Venue("Salle", null,
                "1 rue de la Mairie", "00000", "Nancy", null, null, null, null), List.of(), List.of(), List.of()));
        days.changeStatus(id, DayStatus.PUBLISHED);
        return id;
    }

    private long request(long dayId, String surname, String givenName, String employer, long n) {
        return jdbc.sql("""
                INSERT INTO registration (event_day_id, surname, given_name, email, phone, position_service,
                                          employer_name, consent_at, state)
                VALUES (?, ?, ?, ?, '01 60 79 74 00', 'Juriste', ?, now(), 'REQUESTED') RETURNING id""")
                .params(dayId, surname, givenName, givenName.toLowerCase() + "." + n + "@test.fr", employer)
                .query(Long.class).single();
    }

    @Test
    void the_stored_column_is_the_searched_expression_and_the_search_stays_in_its_session() {
        long n = System.nanoTime() % 100_000_000;
        long dayId = day("ZRC" + n);
        long other = day("ZRD" + n);
        long helene = request(dayId, "Bérénger" + n, "Hélène", "Grand Nancy", n);
        request(dayId, "Martin" + n, "Paul", "Commune de Test", n);
        request(other, "Bérénger" + n, "Hélène", "Grand Nancy", n);

        String same = "SELECT searched = " + FrenchSearch.folded(QueuePages.SEARCHED) + " FROM registration WHERE id = ?";
        assertThat(jdbc.sql(same).param(helene).query(Boolean.class).single()).isTrue();
        jdbc.sql("UPDATE registration SET employer_name = 'Métropole Élan' WHERE id = ?").param(helene).update();
        assertThat(jdbc.sql(same).param(helene).query(Boolean.class).single()).isTrue();
        // The comparison tells a different text apart: the name alone is not what is stored.
        assertThat(jdbc.sql("SELECT searched = " + FrenchSearch.folded("surname") + " FROM registration WHERE id = ?")
                .param(helene).query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM registration WHERE searched <> "
                + FrenchSearch.folded(QueuePages.SEARCHED)).query(Long.class).single()).isZero();

        Registrations.Found found = registrations.search(dayId, "helene BERENGER" + n, 10);
        assertThat(found.total()).isEqualTo(1);
        assertThat(found.registrations()).extracting(Registration::id).containsExactly(helene);
        assertThat(registrations.search(dayId, "metropole elan", 10).total()).isEqualTo(1);
        assertThat(registrations.search(dayId, "Grand Nancy", 10).total()).isZero();
    }

    @Test
    void the_people_of_a_day_are_its_registrations_each_marked_found_by_the_same_search() {
        long n = System.nanoTime() % 100_000_000;
        long dayId = day("ZRE" + n);
        long other = day("ZRF" + n);
        long helene = request(dayId, "Bérénger" + n, "Hélène", "Grand Nancy", n);
        long paul = request(dayId, "Martin" + n, "Paul", "Commune de Test", n);
        request(other, "Bérénger" + n, "Hélène", "Grand Nancy", n);

        // No search: every registration of the day, oldest first, all found; nothing of the other session.
        assertThat(registrations.peopleOfDay(dayId, "")).containsExactly(
                new Registrations.Person(helene, "Bérénger" + n, "Hélène", "Grand Nancy", RegistrationState.REQUESTED, true),
                new Registrations.Person(paul, "Martin" + n, "Paul", "Commune de Test", RegistrationState.REQUESTED, true));
        // A search without case nor accents, by parts of names in either order: only Hélène is found.
        assertThat(registrations.peopleOfDay(dayId, "HELENE berenger" + n))
                .extracting(Registrations.Person::id, Registrations.Person::found)
                .containsExactly(tuple(helene, true),
                        tuple(paul, false));
        assertThat(registrations.peopleOfDay(dayId, "nobody here")).noneMatch(Registrations.Person::found);
    }
}
