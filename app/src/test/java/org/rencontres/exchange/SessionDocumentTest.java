package org.rencontres.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rencontres.exchange.ExchangeFixture.JSON;
import static org.rencontres.exchange.ExchangeFixture.export;
import static org.rencontres.exchange.ExchangeFixture.importAs;
import static org.rencontres.exchange.ExchangeFixture.withoutCode;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.TestFiles;
import org.rencontres.WebSession;
import org.rencontres.event.Day;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.Slot;
import org.rencontres.security.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 15, point 6: a whole session as one JSON document. The demo session's export conforms to the schema of
 * docs/ (read here from docs/, not from the application); the application serves that same schema; and a round
 * trip (export, import as a new draft, export) gives the same document but for its code, with every part the
 * format carries (tables and their hosts, settings, facilitators, a partner with a SIREN, a reserved link, an
 * uploaded file that comes back as a link), people and organisations matched in the directory, not duplicated.
 */
@RencontresIntegrationTest
class SessionDocumentTest {

    private static final Path SCHEMA = Path.of("..", "docs", "session-document.schema.json");

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired Days days;
    @Autowired Programmes programmes;
    @Autowired JdbcClient jdbc;

    private WebSession organiser;

    @BeforeEach
    void signIn() throws Exception {
        organiser = ExchangeFixture.organiser(accounts, port, "echanges.documents@cnfpt.fr", "INSET de Nancy");
    }

    private static List<Error> validate(JsonNode document) throws Exception {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                        b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
                .getSchema(Files.readString(SCHEMA), InputFormat.JSON);
        return schema.validate(document);
    }

    @Test
    void the_demo_sessions_export_conforms_to_the_schema_of_docs() throws Exception {
        ObjectNode demo = export(organiser, "Z20IN001");
        assertThat(validate(demo)).isEmpty();
        assertThat(demo.get("format").asString()).isEqualTo("rencontres-session/1");
        assertThat(demo.get("code").asString()).isEqualTo("Z20IN 001");
        assertThat(demo.get("timeZone").asString()).isEqualTo("Europe/Paris");
        JsonNode day = demo.get("days").get(0);
        assertThat(day.get("date").asString()).isEqualTo("2020-06-25");
        assertThat(day.get("start").asString()).isEqualTo("2020-06-25T09:30:00+02:00");
        assertThat(day.get("slots")).hasSize(14);
        JsonNode speeches = day.get("slots").get(1);
        assertThat(speeches.get("start").asString()).isEqualTo("2020-06-25T10:00:00+02:00");
        assertThat(speeches.get("people").get(0).get("person").get("familyName").asString()).isEqualTo("Pornet Rivoire");
        assertThat(speeches.get("people").get(0).get("representative").asString()).isEqualTo("ou son représentant");
        assertThat(day.get("slots").get(2).get("people").get(0).get("person").get("email").asString())
                .isEqualTo("emmanuel.thouary@cnfpt.fr");
        assertThat(day.findValues("networking")).singleElement()
                .satisfies(n -> assertThat(n.get("themes")).hasSize(5));
        assertThat(day.findValues("workshops")).hasSize(2);
        assertThat(demo.toString()).doesNotContain("\"id\"").doesNotContain("Id\"");

        // Something the schema refuses is found by the same check (a test that can fail).
        ObjectNode broken = demo.deepCopy();
        ((ObjectNode) broken.get("days").get(0).get("slots").get(0)).put("kind", "PICNIC");
        broken.remove("title");
        assertThat(validate(broken)).hasSize(2);
    }

    @Test
    void the_application_serves_the_schema_of_docs_byte_for_byte() throws Exception {
        var served = new WebSession(port).getBytes("/schemas/session-document.schema.json");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(Files.readAllBytes(SCHEMA));
    }

    @Test
    void export_import_export_gives_the_same_document_but_for_its_code() throws Exception {
        long n = System.nanoTime() % 1_000_000_000L;
        ObjectNode source = export(organiser, "Z20IN001");
        ObjectNode venue = (ObjectNode) source.get("venue");
        venue.put("latitude", 48.624).put("longitude", 2.441);
        ((ArrayNode) source.get("resources")).addObject().put("kind", "DOCUMENT").put("title", "Dossier des participants")
                .put("url", "https://exemple.fr/dossier.pdf").put("visibility", "PARTICIPANTS");
        ObjectNode newOrganisation = JSON.createObjectNode().put("name", "Commune d'Échange " + n)
                .put("kind", "COMMUNE").put("siren", String.format("%09d", n));
        ((ArrayNode) source.get("partners")).addObject().put("contribution", "prête la salle des ateliers")
                .set("organisation", newOrganisation);
        ArrayNode slots = (ArrayNode) source.get("days").get(0).get("slots");
        JsonNode moderator = slots.get(5).get("people").get(0).get("person");
        ObjectNode rotation = (ObjectNode) slots.findParent("networking").get("networking");
        rotation.putObject("settings").put("rotationMinutes", 11).put("changeoverMinutes", 1).put("rounds", 5)
                .put("tableOnce", true).put("separateOrganisations", true);
        ArrayNode tables = rotation.putArray("tables");
        tables.addObject().put("name", "Table 1").put("place", "Hall").put("capacity", 7)
                .put("theme", rotation.get("themes").get(0).asString()).set("host", moderator.deepCopy());
        ObjectNode newcomer = JSON.createObjectNode().put("givenName", "Nadia").put("familyName", "Nouvelle")
                .put("email", "nadia." + n + "@exemple.fr");
        newcomer.set("organisation", newOrganisation.deepCopy());
        tables.addObject().put("name", "Table 2").put("capacity", 6).set("host", newcomer);
        ((ObjectNode) slots.findParents("workshops").get(0).get("workshops").get(0)).putArray("facilitators")
                .addObject().put("name", "Fanny Facilitatrice").put("email", "fanny." + n + "@exemple.fr");
        assertThat(validate(source)).isEmpty();

        long peopleBefore = count("person");
        String first = importAs(organiser, source, "ZEX" + n + " A");
        assertThat(count("person")).as("only the new host was added to the directory").isEqualTo(peopleBefore + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM organisation WHERE siren = ?").param(String.format("%09d", n))
                .query(Long.class).single()).isEqualTo(1);
        assertThat(days.find(first).orElseThrow().status()).isEqualTo(DayStatus.DRAFT);
        ObjectNode firstExport = export(organiser, first);
        assertThat(withoutCode(firstExport)).isEqualTo(withoutCode(source));
        assertThat(firstExport.get("code").asString()).isEqualTo("ZEX" + n + " A");

        // An uploaded file goes out as a link to its public address, and comes back as that link.
        var uploaded = organiser.uploadForm("/admin/journees/" + first, "/admin/journees/" + first + "/fichiers",
                Map.of("titreFichier", "Plaquette déposée", "genreFichier", "BROCHURE", "visibiliteFichier", "PUBLIC"),
                "fichier", "plaquette.pdf", "application/pdf", TestFiles.pdf("Plaquette"));
        assertThat(uploaded.statusCode()).isEqualTo(302);
        ObjectNode withFile = export(organiser, first);
        JsonNode file = withFile.get("resources").get(withFile.get("resources").size() - 1);
        assertThat(file.get("title").asString()).isEqualTo("Plaquette déposée");
        assertThat(file.get("url").asString()).matches("http://localhost:" + port + "/journees/" + first
                + "/ressources/[0-9a-f-]{36}");
        assertThat(new WebSession(port).getBytes(file.get("url").asString().replaceFirst("http://localhost:\\d+", ""))
                .statusCode()).as("a draft's file is not public").isEqualTo(404);

        long peopleThen = count("person");
        long organisationsThen = count("organisation");
        String second = importAs(organiser, withFile, "ZEX" + n + " B");
        assertThat(count("person")).as("everyone matched in the directory").isEqualTo(peopleThen);
        assertThat(count("organisation")).isEqualTo(organisationsThen);
        ObjectNode secondExport = export(organiser, second);
        assertThat(withoutCode(secondExport)).isEqualTo(withoutCode(withFile));
        assertThat(validate(secondExport)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM event_resource r JOIN event_day d ON d.id = r.event_day_id "
                        + "WHERE d.session_code = ? AND r.stored_file IS NOT NULL").param("ZEX" + n + " B")
                .query(Long.class).single()).as("the file came back as a link").isZero();
        assertThat(organiser.page("/admin/journees/" + second).select(".day-status").text()).isEqualTo("Brouillon");
    }

    @Test
    void a_session_of_two_days_goes_out_and_back_with_each_slot_under_its_day() throws Exception {
        long n = System.nanoTime() % 1_000_000_000L;
        ObjectNode source = export(organiser, "Z20IN001");
        // As the export writes a speaker (the programme shows their job title and organisation when the slot names none).
        ObjectNode speaker = (ObjectNode) source.get("days").get(0).get("slots").get(2).get("people").get(0).deepCopy();
        ObjectNode second = ((ArrayNode) source.get("days")).addObject().put("date", "2020-06-26")
                .put("start", "2020-06-26T09:00:00+02:00").put("end", "2020-06-26T12:30:00+02:00");
        ArrayNode slots = second.putArray("slots");
        slots.addObject().put("start", "2020-06-26T09:00:00+02:00").put("end", "2020-06-26T09:30:00+02:00")
                .put("kind", "WELCOME").put("title", "Accueil du second jour");
        ObjectNode talk = slots.addObject().put("start", "2020-06-26T09:30:00+02:00")
                .put("end", "2020-06-26T10:30:00+02:00").put("kind", "TALK").put("title", "Retour sur la veille");
        talk.putArray("people").add(speaker.put("representative", "ou sa représentante"));
        ObjectNode workshops = slots.addObject().put("start", "2020-06-26T10:30:00+02:00")
                .put("end", "2020-06-26T12:30:00+02:00").put("kind", "WORKSHOP").put("title", "Ateliers du second jour");
        workshops.putArray("workshops").addObject().put("number", 3).put("title", "Atelier 3 : la suite")
                .put("capacity", 20).put("room", "Salle B");
        assertThat(validate(source)).isEmpty();

        HttpResponse<String> uploaded = ExchangeFixture.upload(organiser, source);
        assertThat(WebSession.location(uploaded)).isEqualTo(ExchangeFixture.IMPORT + "/apercu");
        assertThat(organiser.page(ExchangeFixture.IMPORT + "/apercu").select(".import-preview li").eachText())
                .containsExactly("jeudi 25 juin 2020, 9h30 – 16h30", "vendredi 26 juin 2020, 9h – 12h30");
        String first = importAs(organiser, source, "ZEX" + n + " J");
        Day made = days.find(first).orElseThrow();
        assertThat(made.days().count()).isEqualTo(2);
        assertThat(made.days().frenchDates()).isEqualTo("du jeudi 25 au vendredi 26 juin 2020");
        assertThat(programmes.programmeOf(made.id()).day(made.days().last().id()).slots())
                .extracting(Slot::title).containsExactly("Accueil du second jour", "Retour sur la veille",
                        "Ateliers du second jour");
        assertThat(programmes.programmeOf(made.id()).day(made.days().first().id()).slots()).hasSize(14);

        ObjectNode firstExport = export(organiser, first);
        assertThat(withoutCode(firstExport)).isEqualTo(withoutCode(source));
        String again = importAs(organiser, firstExport, "ZEX" + n + " K");
        ObjectNode secondExport = export(organiser, again);
        assertThat(withoutCode(secondExport)).isEqualTo(withoutCode(source));
        assertThat(validate(secondExport)).isEmpty();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
