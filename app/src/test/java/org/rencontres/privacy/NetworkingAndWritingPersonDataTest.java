package org.rencontres.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.TestSessions;
import org.rencontres.WebSession;
import org.rencontres.attendance.Attendances;
import org.rencontres.event.Days;
import org.rencontres.notification.QueuedMails;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.SlotDraft;
import org.rencontres.programme.SlotKind;
import org.rencontres.registration.Registrations;
import org.rencontres.registration.SpaceLinks;
import org.rencontres.registration.questions.Questions;
import org.rencontres.security.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The networking plan and collective writing in the agent's data: their table at each round and the shared
 * documents they were given; erasure removes their name from the plan (the seats stay, naming no one) and keeps
 * the texts written together, saying why. Another participant of the same plan keeps their name.
 */
@RencontresIntegrationTest
class NetworkingAndWritingPersonDataTest {

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Questions questions;
    @Autowired Attendances attendances;
    @Autowired SpaceLinks spaces;
    @Autowired Accounts accounts;
    @Autowired Programmes programmes;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;

    @Test
    void the_plan_and_the_shared_documents_are_shown_then_the_name_leaves_the_plan() throws Exception {
        PersonDataFixture agent = new PersonDataFixture(days, registrations, questions, attendances, spaces, tx, jdbc);
        long slot = programmes.addSlot(agent.dayId, new SlotDraft(days.days(agent.dayId).orElseThrow().first().id(),
                LocalTime.of(14, 0), LocalTime.of(15, 0), SlotKind.NETWORKING, null, "Speed dating", null, null, false,
                false, List.of(), List.of()));
        long session = jdbc.sql("""
                INSERT INTO networking_session (event_day_id, slot_id, title, group_size, rotation_min_minutes,
                    rotation_max_minutes) VALUES (?, ?, ?, 4, 10, 15) RETURNING id""")
                .params(agent.dayId, slot, "Rencontres des droits " + agent.n).query(Long.class).single();
        long table = jdbc.sql("INSERT INTO networking_table (session_id, name, capacity, position) VALUES (?, ?, 4, 1) RETURNING id")
                .params(session, "Table Condorcet " + agent.n).query(Long.class).single();
        long mine = participant(session, "Camille Martin" + agent.n, agent.registrationId);
        long other = participant(session, "Camillo Sosie" + agent.n, agent.lookAlikeId);
        jdbc.sql("INSERT INTO networking_seat (session_id, round, table_id, participant_id) VALUES (?, 0, ?, ?), (?, 0, ?, ?)")
                .params(session, table, mine, session, table, other).update();
        long document = jdbc.sql("""
                INSERT INTO writing_document (event_day_id, title, template, read_key) VALUES (?, ?, 'BLANK', ?) RETURNING id""")
                .params(agent.dayId, "Manifeste des droits " + agent.n, "lecture-" + agent.n).query(Long.class).single();
        jdbc.sql("INSERT INTO writing_access (access_key, document_id, registration_id) VALUES (?, ?, ?)")
                .params("cle-" + agent.n, document, agent.registrationId).update();

        WebSession visitor = new WebSession(port);
        String json = new String(visitor.getBytes(agent.space + "/donnees.json").body(), StandardCharsets.UTF_8)
                .replace('\u00a0', ' ');
        assertThat(json).contains("Speed dating : Rencontres des droits " + agent.n, "Tour 1", "Table Condorcet " + agent.n,
                "Écriture collective", "Manifeste des droits " + agent.n);
        assertThat(json).doesNotContain("Camillo Sosie" + agent.n);

        String form = agent.space + "/donnees/effacement";
        assertThat(visitor.submit(form, form, Map.of("motif", "")).statusCode()).isEqualTo(302);
        long id = jdbc.sql("SELECT id FROM privacy_erasure_request WHERE lower(email) = lower(?)").param(agent.email)
                .query(Long.class).single();
        WebSession organiser = TestSessions.organiser(accounts, port, "plans." + agent.n + "@cnfpt.fr", "Paule Plans", agent.unit);
        String erase = "/admin/donnees-personnelles/effacements/" + id + "/effacer";
        assertThat(organiser.submit(erase, erase, Map.of()).statusCode()).isEqualTo(302);

        assertThat(name(mine)).isEqualTo("Participant");
        assertThat(name(other)).isEqualTo("Camillo Sosie" + agent.n);
        assertThat(jdbc.sql("SELECT count(*) FROM networking_seat WHERE participant_id = ?").param(mine)
                .query(Integer.class).single()).isEqualTo(1);
        String mail = new QueuedMails(jdbc).to(agent.email, "Vos données personnelles ont été effacées").get(0).text()
                .replace('\u00a0', ' ');
        assertThat(mail).contains("Votre nom et votre organisation dans les plans de speed dating",
                "Les textes écrits à plusieurs dans les documents partagés : ils sont enregistrés par document, sans auteur");
    }

    private long participant(long session, String name, long registrationId) {
        return jdbc.sql("""
                INSERT INTO networking_participant (session_id, name, organisation, registration_id) VALUES (?, ?, ?, ?)
                RETURNING id""").params(session, name, "Commune de Droits-sur-Seine", registrationId).query(Long.class).single();
    }

    private String name(long participant) {
        return jdbc.sql("SELECT name FROM networking_participant WHERE id = ?").param(participant).query(String.class).single();
    }
}
