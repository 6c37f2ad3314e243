package org.rencontres.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rencontres.exchange.ExchangeFixture.IMPORT;
import static org.rencontres.exchange.ExchangeFixture.JSON;
import static org.rencontres.exchange.ExchangeFixture.confirm;
import static org.rencontres.exchange.ExchangeFixture.export;
import static org.rencontres.exchange.ExchangeFixture.upload;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.event.DayDraft;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.registration.AgentSpaces;
import org.rencontres.registration.Capacity;
import org.rencontres.registration.Registrations;
import org.rencontres.registration.RequestDraft;
import org.rencontres.security.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The import refuses, in French and with each problem's JSON path, what it cannot take (not JSON, JSON that is not
 * a session document, another version of the format, a file too large, an empty one, a slot outside its day), and
 * then nothing is saved; a code already taken is refused on its field; only organisers reach it.
 */
@RencontresIntegrationTest
class SessionImportWebTest {

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired JdbcClient jdbc;

    private WebSession organiser;
    private ObjectNode demo;

    @BeforeEach
    void signIn() throws Exception {
        organiser = ExchangeFixture.organiser(accounts, port, "echanges.import@cnfpt.fr", "INSET de Nancy");
        demo = export(organiser, "Z20IN001");
    }

    /** Every table that an import writes to, counted. */
    private String counts() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM event_day) || ' ' || (SELECT count(*) FROM programme_slot) || ' '
                    || (SELECT count(*) FROM person) || ' ' || (SELECT count(*) FROM organisation) || ' '
                    || (SELECT count(*) FROM workshop) || ' ' || (SELECT count(*) FROM networking_session) || ' '
                    || (SELECT count(*) FROM audit_entry)""").query(String.class).single();
    }

    private static List<String> problems(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("the import page again").isEqualTo(200);
        return Jsoup.parse(response.body()).select(".error-summary .document-problems li").eachText();
    }

    @Test
    void bad_files_are_refused_with_their_problems_in_french_and_change_nothing() throws Exception {
        String before = counts();

        assertThat(problems(upload(organiser, "vide.json", new byte[0]))).containsExactly("$ : Le fichier est vide.");
        assertThat(problems(upload(organiser, "blanc.json", "  \n".getBytes(StandardCharsets.UTF_8))))
                .containsExactly("$ : Le fichier est vide.");
        assertThat(problems(upload(organiser, "texte.json", "{\"format\": \"rencontres-session/1\",\n  titre".getBytes(
                StandardCharsets.UTF_8)))).singleElement().asString()
                .startsWith("$ : Ce fichier n'est pas un document JSON lisible (ligne 2, colonne");
        assertThat(problems(upload(organiser, "tableur.json", org.rencontres.TestFiles.xlsx()))).singleElement()
                .asString().startsWith("$ : Ce fichier n'est pas un document JSON lisible");

        ObjectNode future = demo.deepCopy();
        future.put("format", "rencontres-session/2");
        assertThat(problems(upload(organiser, future))).containsExactly(
                "$.format : Le format « rencontres-session/2 » n'est pas connu de cette version de Rencontres, "
                        + "qui lit « rencontres-session/1 ».");

        ObjectNode wrong = demo.deepCopy();
        wrong.remove("title");
        wrong.put("couleur", "bleu");
        ObjectNode firstSlot = (ObjectNode) wrong.get("days").get(0).get("slots").get(0);
        firstSlot.put("kind", "PICNIC");
        firstSlot.put("start", "9h30");
        ((ObjectNode) wrong.get("venue")).put("postcode", "9108");
        ((ObjectNode) wrong.get("days").get(0).get("slots").get(3)).put("title", 12);
        assertThat(problems(upload(organiser, wrong))).containsExactlyInAnyOrder(
                "$ : La propriété « title » est obligatoire et manque.",
                "$ : La propriété « couleur » n'est pas prévue par le format.",
                "$.venue.postcode : « 9108 » n'a pas la forme attendue.",
                "$.days[0].slots[0].start : « 9h30 » n'est pas une date et heure ISO 8601 avec son décalage, "
                        + "de la forme 2027-03-16T09:00:00+01:00.",
                "$.days[0].slots[0].kind : « PICNIC » n'est pas l'une des valeurs permises : [WELCOME, SPEECH, TALK, "
                        + "INTERACTION, SHARING, MEAL, NETWORKING, WORKSHOP, CLOSING, END].",
                "$.days[0].slots[3].title : Une valeur de type texte est attendue, pas nombre entier.");

        ObjectNode outside = demo.deepCopy();
        ((ObjectNode) outside.get("days").get(0).get("slots").get(0)).put("start", "2020-06-25T08:00:00+02:00");
        ((ObjectNode) outside.get("days").get(0).get("slots").get(13)).put("end", "2020-06-26T16:30:00+02:00");
        assertThat(problems(upload(organiser, outside))).containsExactly(
                "$.days[0].slots[0].start : Le créneau doit commencer pendant la journée, qui se tient de 9h30 à 16h30.",
                "$.days[0].slots[13].end : « 2020-06-26T16:30:00+02:00 » ne tombe pas le jeudi 25 juin 2020, "
                        + "jour auquel il appartient.");

        // Several days: a date twice, a slot of the third day dated on the first; a representative too long.
        ObjectNode twice = demo.deepCopy();
        ObjectNode again = ((ArrayNode) twice.get("days")).addObject().put("date", "2020-06-25")
                .put("start", "2020-06-25T09:00:00+02:00").put("end", "2020-06-25T12:00:00+02:00");
        again.putArray("slots");
        ObjectNode later = ((ArrayNode) twice.get("days")).addObject().put("date", "2020-06-26")
                .put("start", "2020-06-26T09:00:00+02:00").put("end", "2020-06-26T12:00:00+02:00");
        later.putArray("slots").addObject().put("start", "2020-06-25T10:00:00+02:00")
                .put("end", "2020-06-26T11:00:00+02:00").put("kind", "TALK").put("title", "Mal daté");
        assertThat(problems(upload(organiser, twice))).containsExactlyInAnyOrder(
                "$.days[1].date : Le jeudi 25 juin 2020 figure deux fois parmi les jours.",
                "$.days[2].slots[0].start : « 2020-06-25T10:00:00+02:00 » ne tombe pas le vendredi 26 juin 2020, "
                        + "jour auquel il appartient.");
        ObjectNode wordy = demo.deepCopy();
        ((ObjectNode) wordy.get("days").get(0).get("slots").get(1).get("people").get(0))
                .put("representative", "ou ".repeat(30));
        assertThat(problems(upload(organiser, wordy))).containsExactly(
                "$.days[0].slots[1].people[0].representative : Le texte doit tenir en 80 caractères au plus.");

        HttpResponse<String> tooLarge = upload(organiser, "gros.json", new byte[3 * 1024 * 1024]);
        assertThat(tooLarge.statusCode()).isEqualTo(303);
        assertThat(WebSession.location(tooLarge)).isEqualTo(IMPORT + "?trop-volumineux");
        assertThat(problems(organiser.get(IMPORT + "?trop-volumineux"))).containsExactly("$ : Le fichier dépasse 2 Mo.");

        assertThat(counts()).as("nothing saved").isEqualTo(before);
        HtmlChecker.assertValid("exchange-import", Map.of("refused", upload(organiser, wrong).body(),
                "form", organiser.get(IMPORT).body()));
    }

    @Test
    void the_preview_says_what_will_be_made_and_a_taken_code_is_refused_on_its_field() throws Exception {
        String before = counts();
        HttpResponse<String> uploaded = upload(organiser, demo);
        assertThat(WebSession.location(uploaded)).isEqualTo(IMPORT + "/apercu");
        Document preview = organiser.page(IMPORT + "/apercu");
        assertThat(preview.select("dd.count-slots").text()).isEqualTo("14");
        assertThat(preview.select("dd.count-people").text()).isEqualTo("4, dont 0 à ajouter à l'annuaire");
        assertThat(preview.select("dd.count-workshops").text()).isEqualTo("2");
        assertThat(preview.select(".import-preview li").eachText()).containsExactly("jeudi 25 juin 2020, 9h30 – 16h30");

        HttpResponse<String> taken = confirm(organiser, "z20in 001");
        Document again = Jsoup.parse(taken.body());
        assertThat(taken.statusCode()).isEqualTo(200);
        assertThat(again.select("#code-erreur").text())
                .isEqualTo("Le code « Z20IN 001 » est déjà celui d'une autre session : choisissez-en un autre.");
        assertThat(again.select("#code").attr("aria-describedby")).contains("code-erreur");
        HttpResponse<String> invalid = confirm(organiser, "Z20-IN");
        assertThat(Jsoup.parse(invalid.body()).select("#code-erreur").text()).startsWith("Le code session ne contient");
        assertThat(counts()).as("nothing saved").isEqualTo(before);
        HtmlChecker.assertValid("exchange-preview", Map.of("preview", organiser.get(IMPORT + "/apercu").body(),
                "taken", taken.body()));

        // Abandoned: the preview is gone, and a confirmation without it changes nothing.
        HttpResponse<String> cancelled = organiser.submit(IMPORT + "/apercu", IMPORT + "/annuler", Map.of());
        assertThat(WebSession.location(cancelled)).isEqualTo(IMPORT);
        assertThat(WebSession.location(organiser.get(IMPORT + "/apercu"))).isEqualTo(IMPORT);
        HttpResponse<String> late = organiser.submit(IMPORT, IMPORT + "/confirmer", Map.of("jeton", "x", "code", "ZLATE 1"));
        assertThat(problems(late)).singleElement().asString().contains("L'aperçu a expiré");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void only_organisers_reach_the_import_and_the_export() throws Exception {
        WebSession anonymous = new WebSession(port);
        assertThat(WebSession.location(anonymous.get(IMPORT))).isEqualTo("/connexion");
        assertThat(WebSession.location(anonymous.get("/admin/journees/Z20IN001/export.json"))).isEqualTo("/connexion");
        HttpResponse<String> posted = anonymous.submit("/connexion", IMPORT + "/confirmer",
                Map.of("jeton", "x", "code", "ZANON 1"));
        assertThat(WebSession.location(posted)).isEqualTo("/connexion");

        // An agent with their space (a signed link) is no organiser.
        long n = System.nanoTime() % 1_000_000_000L;
        long dayId = days.create(new DayDraft(new SessionCode("ZEXAG " + n), "Journée de l'agent", null, null,
                List.of(new SessionDayDraft(LocalDate.of(2016, 5, 10), LocalTime.of(9, 0), LocalTime.of(17, 0))), null, null, null, null, false, null,
                "INSET de Nancy", null, List.of(), List.of(), List.of()));
        registrations.setCapacity(new Capacity(dayId, 50, 48, false));
        String mail = "agent.echange." + n + "@test.fr";
        long id = registrations.request(dayId, new RequestDraft("Agent", "Camille", mail, "01 60 79 74 00", "Juriste",
                null, "Commune de Test-sur-Seine", null, null, null, Instant.parse("2016-04-10T10:00:00Z")));
        registrations.advance(id, "orga@cnfpt.fr", null);
        registrations.advance(id, "orga@cnfpt.fr", null);
        registrations.confirm(id, "orga@cnfpt.fr");
        AgentSpaces.keepOpen(jdbc, id);
        WebSession agent = new WebSession(port);
        assertThat(agent.get(AgentSpaces.pathOf(jdbc, mail)).statusCode()).isEqualTo(200);
        assertThat(WebSession.location(agent.get(IMPORT))).isEqualTo("/connexion");
        assertThat(WebSession.location(agent.get("/admin/journees/ZEXAG" + n + "/export.json"))).isEqualTo("/connexion");
        assertThat(WebSession.location(agent.uploadForm("/connexion", IMPORT, Map.of(), "fichier",
                "session.json", "application/json", JSON.writeValueAsBytes(demo)))).isEqualTo("/connexion");

        // An organiser of another unit may import (into their unit) but not export another unit's session.
        WebSession other = ExchangeFixture.organiser(accounts, port, "echanges.autre@cnfpt.fr", "INSET de Dunkerque");
        assertThat(other.get("/admin/journees/Z20IN001/export.json").statusCode()).isEqualTo(403);
        assertThat(other.get(IMPORT).statusCode()).isEqualTo(200);
        String slug = ExchangeFixture.importAs(other, demo, "ZEXUN " + n);
        assertThat(days.find(slug).orElseThrow().organisingUnit()).isEqualTo("INSET de Dunkerque");
        assertThat(organiser.get("/admin/journees/" + slug + "/export.json").statusCode()).isEqualTo(403);
    }
}
