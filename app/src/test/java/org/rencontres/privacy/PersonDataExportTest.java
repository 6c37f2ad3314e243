package org.rencontres.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.attendance.Attendances;
import org.rencontres.event.Days;
import org.rencontres.registration.Registrations;
import org.rencontres.registration.SpaceLinks;
import org.rencontres.registration.questions.Questions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An agent downloads what the platform holds about them from their space: the page, the JSON and the PDF
 * hold their request, their answer to the organiser's question, their signed morning and their survey
 * answer, and nothing of another agent whose address contains theirs. A tampered or expired link shows nothing.
 */
@RencontresIntegrationTest
class PersonDataExportTest {

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Questions questions;
    @Autowired Attendances attendances;
    @Autowired SpaceLinks spaces;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;

    private PersonDataFixture agent;
    private WebSession visitor;

    @BeforeEach
    void anAgentWithDataEverywhere() throws Exception {
        agent = new PersonDataFixture(days, registrations, questions, attendances, spaces, tx, jdbc);
        visitor = new WebSession(port);
    }

    @Test
    void the_space_links_to_the_data_page_which_lists_what_is_held() throws Exception {
        Document space = visitor.page(agent.space);
        assertThat(space.select("a[href=" + agent.space + "/donnees]").text()).isEqualTo("Mes données personnelles");

        Document page = visitor.page(agent.space + "/donnees");
        assertThat(page.select("h1").text()).isEqualTo("Mes données personnelles");
        String text = page.select("main").text();
        assertThat(text).contains("Demande d'inscription : Journée des droits " + agent.n, "Martin" + agent.n,
                agent.answer, "Présence : Journée des droits " + agent.n, "matin du mardi 20 septembre 2016",
                "feuille signée le", agent.surveyText, "Seconde journée " + agent.n, "Sans gluten " + agent.n);
        assertThat(text).doesNotContain("Sosie" + agent.n, agent.lookAlikeAnswer, "Rien du tout " + agent.n, agent.lookAlike);
        assertThat(page.select("a#donnees-json").attr("href")).isEqualTo(agent.space + "/donnees.json");
        assertThat(page.select("a#donnees-pdf").attr("href")).isEqualTo(agent.space + "/donnees.pdf");
        assertThat(page.select("a#demander-effacement").text()).isEqualTo("Demander l'effacement de mes données");
        HtmlChecker.assertValid("privacy-rights", Map.of("donnees", visitor.get(agent.space + "/donnees").body(),
                "effacement", visitor.get(agent.space + "/donnees/effacement").body()));
    }

    @Test
    void the_json_holds_the_request_the_answers_and_the_attendance_and_nothing_of_a_look_alike() throws Exception {
        var response = visitor.getBytes(agent.space + "/donnees.json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        String json = new String(response.body(), StandardCharsets.UTF_8);
        JsonNode document = JsonMapper.builder().build().readTree(json);
        assertThat(document.get("person").asString()).isEqualTo(agent.email);
        assertThat(document.get("sections").size()).isGreaterThanOrEqualTo(4);
        assertThat(json).contains("Martin" + agent.n, agent.email, agent.answer, "matin du mardi 20 septembre 2016",
                "feuille signée le", agent.surveyText, "Seconde journée " + agent.n, "Avant mon retrait " + agent.n);
        assertThat(json).doesNotContain("Sosie" + agent.n, agent.lookAlike, agent.lookAlikeAnswer, "Rien du tout " + agent.n,
                "après-midi du");
        assertThat(json).doesNotContain("data:image/png");
    }

    @Test
    void the_pdf_reads_the_same() throws Exception {
        var response = visitor.getBytes(agent.space + "/donnees.pdf");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        String text;
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            text = new PDFTextStripper().getText(pdf).replace('\u00a0', ' ').replace('\u202f', ' ');
        }
        assertThat(text).contains("Mes données personnelles", agent.email, "Martin" + agent.n, agent.answer,
                "matin du mardi 20 septembre 2016", agent.surveyText, "Seconde journée " + agent.n);
        assertThat(text).doesNotContain("Sosie" + agent.n, agent.lookAlikeAnswer, "Rien du tout " + agent.n);
    }

    @Test
    void a_tampered_or_expired_link_shows_nothing() throws Exception {
        String tampered = agent.space.substring(0, agent.space.length() - 3) + "xyz";
        assertThat(visitor.status(tampered + "/donnees")).isEqualTo(404);
        assertThat(visitor.status(tampered + "/donnees.json")).isEqualTo(404);
        assertThat(visitor.status("/inscription/espace/inconnu/donnees.pdf")).isEqualTo(404);

        jdbc.sql("UPDATE registration_link SET expires_at = now() - interval '1 minute' WHERE registration_id = ?")
                .param(agent.registrationId).update();
        assertThat(visitor.status(agent.space + "/donnees")).isEqualTo(410);
        var expired = visitor.getBytes(agent.space + "/donnees.json");
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(new String(expired.body(), StandardCharsets.UTF_8)).doesNotContain(agent.answer, "Martin" + agent.n);
    }
}
