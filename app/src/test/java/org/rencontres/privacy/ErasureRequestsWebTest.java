package org.rencontres.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.TestSessions;
import org.rencontres.WebSession;
import org.rencontres.attendance.Attendances;
import org.rencontres.event.Days;
import org.rencontres.notification.QueuedMails;
import org.rencontres.registration.Registration;
import org.rencontres.registration.Registrations;
import org.rencontres.registration.SpaceLinks;
import org.rencontres.registration.questions.Questions;
import org.rencontres.security.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An agent asks for erasure from their space (once, however often they ask while it waits); an organiser of
 * their sessions sees the request and erases what may be erased: the personal fields of registration and
 * survey go, the attendance proofs stay, and the agent's e-mail says both. An organiser of another unit
 * neither sees nor handles it. A refusal needs a reason, which the agent is e-mailed.
 */
@RencontresIntegrationTest
class ErasureRequestsWebTest {

    private static final String ADMIN = "/admin/donnees-personnelles/effacements";

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Questions questions;
    @Autowired Attendances attendances;
    @Autowired SpaceLinks spaces;
    @Autowired Accounts accounts;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;

    private PersonDataFixture agent;
    private WebSession visitor;
    private WebSession organiser;
    private WebSession stranger;

    @BeforeEach
    void anAgentAndTwoOrganisers() throws Exception {
        agent = new PersonDataFixture(days, registrations, questions, attendances, spaces, tx, jdbc);
        visitor = new WebSession(port);
        organiser = TestSessions.organiser(accounts, port, "droits." + agent.n + "@cnfpt.fr", "Dominique Droits", agent.unit);
        stranger = TestSessions.organiser(accounts, port, "ailleurs." + agent.n + "@cnfpt.fr", "Alix Ailleurs",
                "INSET d'ailleurs " + agent.n);
    }

    private long ask(String reason) throws Exception {
        String form = agent.space + "/donnees/effacement";
        HttpResponse<String> asked = visitor.submit(form, form, Map.of("motif", reason));
        assertThat(asked.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(asked)).endsWith(agent.space + "/donnees");
        return requests().get(0);
    }

    private List<Long> requests() {
        return jdbc.sql("SELECT id FROM privacy_erasure_request WHERE lower(email) = lower(?) ORDER BY id")
                .param(agent.email).query(Long.class).list();
    }

    private String state(long id) {
        return jdbc.sql("SELECT state FROM privacy_erasure_request WHERE id = ?").param(id).query(String.class).single();
    }

    @Test
    void asking_again_while_a_request_waits_adds_nothing() throws Exception {
        String form = agent.space + "/donnees/effacement";
        Document first = visitor.page(form);
        String csrf = first.select("input[name=_csrf]").attr("value");
        assertThat(visitor.post(form, Map.of("motif", "", "_csrf", csrf)).statusCode()).isEqualTo(302);
        assertThat(visitor.post(form, Map.of("motif", "Encore", "_csrf", csrf)).statusCode()).isEqualTo(302);
        assertThat(requests()).hasSize(1);
        Document page = visitor.page(agent.space + "/donnees");
        assertThat(page.select("#demande-en-cours").text()).startsWith("Votre demande d'effacement du ");
        assertThat(page.select("#demander-effacement")).isEmpty();
    }

    @Test
    void a_reason_too_long_is_refused_on_the_page_and_nothing_is_asked() throws Exception {
        String form = agent.space + "/donnees/effacement";
        HttpResponse<String> refused = visitor.submit(form, form, Map.of("motif", "x".repeat(2001)));
        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select("#motif-erreur").text()).startsWith("Le motif est trop long");
        assertThat(page.select("#motif").attr("aria-describedby")).isEqualTo("motif-erreur");
        assertThat(requests()).isEmpty();
    }

    @Test
    void the_organiser_erases_what_may_be_erased_and_keeps_the_attendance_proofs() throws Exception {
        long id = ask("Je quitte la fonction publique");

        Document list = organiser.page(ADMIN);
        assertThat(list.select("header nav a[href=" + ADMIN + "]").text()).isEqualTo("Demandes d'effacement");
        assertThat(list.select("#demandes tbody tr").text())
                .contains("Camille Martin" + agent.n, agent.email, "attend depuis moins de 24 heures", "en attente");
        Document request = organiser.page(ADMIN + "/" + id);
        assertThat(request.select("main").text()).contains("Je quitte la fonction publique", agent.answer);
        Document confirm = organiser.page(ADMIN + "/" + id + "/effacer");
        assertThat(confirm.select("main button[type=submit]").text()).isEqualTo("Effacer ce qui peut l'être");
        HtmlChecker.assertValid("privacy-rights-admin", Map.of("liste", organiser.get(ADMIN).body(),
                "demande", organiser.get(ADMIN + "/" + id).body(), "confirmation", organiser.get(ADMIN + "/" + id + "/effacer").body()));

        HttpResponse<String> erased = organiser.submit(ADMIN + "/" + id + "/effacer", ADMIN + "/" + id + "/effacer", Map.of());
        assertThat(erased.statusCode()).isEqualTo(302);
        assertThat(state(id)).isEqualTo("ERASED");

        // Registration: the confirmed one keeps whom the sheet names, loses the rest; the withdrawn one names no one.
        Registration kept = registrations.find(agent.registrationId).orElseThrow();
        assertThat(kept.surname()).isEqualTo("Martin" + agent.n);
        assertThat(kept.phone()).isEmpty();
        assertThat(questions.answersOf(agent.registrationId)).isEmpty();
        Registration withdrawn = registrations.find(agent.withdrawnId).orElseThrow();
        assertThat(withdrawn.surname()).isEqualTo("Anonyme");
        assertThat(withdrawn.email()).doesNotContainIgnoringCase(agent.email);
        assertThat(withdrawn.dietaryNeeds()).isNull();
        // Survey answers gone, attendance and signature kept.
        assertThat(jdbc.sql("""
                SELECT count(*) FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
                WHERE r.registration_id = ?""").param(agent.registrationId).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
                WHERE r.registration_id = ?""").param(agent.withdrawnId).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM attendance WHERE registration_id = ? AND signature IS NOT NULL")
                .param(agent.registrationId).query(Integer.class).single()).isEqualTo(1);
        // The look-alike keeps everything.
        assertThat(registrations.find(agent.lookAlikeId).orElseThrow().phone()).isNotEmpty();
        assertThat(questions.answersOf(agent.lookAlikeId)).isNotEmpty();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
                WHERE r.registration_id = ?""").param(agent.lookAlikeId).query(Integer.class).single()).isEqualTo(1);

        String mail = new QueuedMails(jdbc).to(agent.email, "Vos données personnelles ont été effacées").get(0).text();
        assertThat(mail).contains("Ce qui a été effacé", "Vos réponses aux questionnaires d'évaluation",
                "Ce qui est conservé, et pourquoi", "Présences par demi-journée, signatures de la feuille d'émargement",
                "preuve de la formation suivie");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE day_id = ? AND subject = 'privacy' AND action = 'erasure'")
                .param(agent.dayId).query(Integer.class).single()).isEqualTo(1);
        Document done = organiser.page(ADMIN + "/" + id);
        assertThat(done.select("#etat").text()).isEqualTo("effacée");
        assertThat(done.select("#suite").text()).contains("Conservé", "preuve de la formation suivie");

        // Erasing twice does nothing more.
        HttpResponse<String> again = organiser.submit(ADMIN + "/" + id, ADMIN + "/" + id + "/effacer", Map.of());
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(new QueuedMails(jdbc).to(agent.email, "Vos données personnelles ont été effacées")).hasSize(1);
    }

    @Test
    void an_organiser_of_another_unit_neither_sees_nor_handles_the_request() throws Exception {
        long id = ask("");
        assertThat(stranger.page(ADMIN).select("#demandes").text()).doesNotContain(agent.email);
        assertThat(stranger.get(ADMIN + "/" + id).statusCode()).isEqualTo(404);
        assertThat(stranger.get(ADMIN + "/" + id + "/effacer").statusCode()).isEqualTo(404);
        HttpResponse<String> erase = stranger.submit(ADMIN, ADMIN + "/" + id + "/effacer", Map.of());
        HttpResponse<String> refuse = stranger.submit(ADMIN, ADMIN + "/" + id + "/refuser", Map.of("motif", "Non"));
        assertThat(erase.statusCode()).isEqualTo(404);
        assertThat(refuse.statusCode()).isEqualTo(404);
        assertThat(state(id)).isEqualTo("PENDING");
        assertThat(registrations.find(agent.registrationId).orElseThrow().phone()).isNotEmpty();
        assertThat(new WebSession(port).get(ADMIN + "/" + id).statusCode()).isEqualTo(302);
    }

    @Test
    void a_refusal_needs_a_reason_which_the_agent_is_told() throws Exception {
        long id = ask("");
        HttpResponse<String> bare = organiser.submit(ADMIN + "/" + id, ADMIN + "/" + id + "/refuser", Map.of("motif", " "));
        assertThat(bare.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(bare.body());
        assertThat(page.select("#motif-erreur").text()).startsWith("Donnez le motif du refus");
        assertThat(state(id)).isEqualTo("PENDING");

        String reason = "Une procédure contentieuse en cours impose de tout conserver " + agent.n;
        HttpResponse<String> refused = organiser.submit(ADMIN + "/" + id, ADMIN + "/" + id + "/refuser", Map.of("motif", reason));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(state(id)).isEqualTo("REFUSED");
        assertThat(new QueuedMails(jdbc).to(agent.email, "Votre demande d'effacement").get(0).text()).contains(reason, "CNIL");
        assertThat(registrations.find(agent.registrationId).orElseThrow().phone()).isNotEmpty();
    }
}
