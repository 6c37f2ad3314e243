package org.rencontres.writing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.event.Day;
import org.rencontres.event.Days;
import org.rencontres.event.Resource;
import org.rencontres.programme.Programmes;
import org.rencontres.registration.Registrations;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.rencontres.workshops.Workshops;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The back-office and key pages of collective writing over HTTP: the workshops' documents listed, a new
 * document (every bad input refused in French), the editor, reader and projector pages valid HTML,
 * another unit's organiser refused, publishing (confirmation, visibility required) adding the final text
 * to the day's resources, public or reserved, and the agent's space linking to the workshop's document.
 */
@RencontresIntegrationTest
class WritingPagesTest {

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Programmes programmes;
    @Autowired Workshops workshops;
    @Autowired Registrations registrations;
    @Autowired Accounts accounts;
    @Autowired WritingDocuments documents;
    @Autowired ServerDocuments server;
    @Autowired org.rencontres.event.DayFiles dayFiles;

    private WritingFixture fixture;
    private WebSession organiser;
    private String base;

    @BeforeEach
    void aDay() throws Exception {
        fixture = WritingFixture.create(days, programmes, workshops, registrations, accounts, 1);
        organiser = new WebSession(port);
        organiser.signIn(fixture.organiserEmail(), WritingFixture.PASSWORD);
        base = "/admin/journees/" + fixture.slug() + "/ecriture";
    }

    @Test
    void the_pages_list_create_open_and_project_documents() throws Exception {
        Document list = organiser.page(base);
        assertThat(list.select("table.writing-documents tbody tr")).hasSize(2);
        assertThat(list.select("tbody th").text()).contains("Atelier 1 – État de l'art", "Atelier 2 – Bright Mirror");

        HttpResponse<String> empty = organiser.submit(base, base, Map.of("titre", " ", "modele", "BLANK"));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Donnez un titre au document.");
        HttpResponse<String> badTemplate = organiser.submit(base, base, Map.of("titre", "Synthèse", "modele", "POEME"));
        assertThat(badTemplate.statusCode()).isEqualTo(422);
        assertThat(badTemplate.body()).contains("Choisissez un modèle de départ dans la liste.");
        HttpResponse<String> tooLong = organiser.submit(base, base, Map.of("titre", "x".repeat(201), "modele", "BLANK"));
        assertThat(tooLong.body()).contains("ne doit pas dépasser 200 caractères");
        assertThat(documents.ofDay(fixture.dayId())).hasSize(2);

        HttpResponse<String> created = organiser.submit(base, base, Map.of("titre", "Synthèse de la matinée",
                "modele", "STATE_OF_THE_ART"));
        assertThat(created.statusCode()).isEqualTo(302);
        String editorPath = WebSession.location(created);
        Document editor = organiser.page(editorPath);
        assertThat(editor.select("h1").text()).isEqualTo("Synthèse de la matinée");
        assertThat(editor.select("#writing").attr("data-seed"))
                .isEqualTo("Ce que nous faisons|Ce qui fonctionne|Ce qui bloque|Ce que nous proposons");
        assertThat(editor.select("#writing").attr("data-can-edit")).isEqualTo("true");
        assertThat(editor.select("button[data-command=highlight]")).hasSize(1);

        WritingDocument first = documents.ofWorkshop(fixture.workshops().get(0).id()).orElseThrow();
        WritingDocument second = documents.ofWorkshop(fixture.workshops().get(1).id()).orElseThrow();
        WebSession visitor = new WebSession(port);
        HttpResponse<String> reader = visitor.get("/ecriture/lecture/" + first.readKey());
        assertThat(reader.statusCode()).isEqualTo(200);
        assertThat(reader.body()).contains("data-can-edit=\"false\"").doesNotContain("data-command=\"h2\"");
        HttpResponse<String> projector = visitor.get("/ecriture/projection?lecture=" + first.readKey() + "&lecture="
                + second.readKey());
        assertThat(projector.statusCode()).isEqualTo(200);
        assertThat(projector.body()).contains("Atelier 1 – État de l&#39;art", "Atelier 2 – Bright Mirror");
        String key = documents.participantKey(second.id(), fixture.participants().get(1).get(0));
        HttpResponse<String> participant = visitor.get("/ecriture/participant/" + key);
        assertThat(participant.body()).contains("data-can-edit=\"true\"").doesNotContain("data-command=\"highlight\"");
        assertThat(visitor.get("/ecriture/projection").statusCode()).isEqualTo(404);
        assertThat(visitor.get("/ecriture/projection?lecture=inconnue").statusCode()).isEqualTo(404);
        assertThat(visitor.get("/ecriture/lecture/AAAAAAAAAAAAAAAAAAAAAA").statusCode()).isEqualTo(404);
        assertThat(visitor.get(base).statusCode()).isIn(302, 401, 403);

        workshops.addFacilitator(fixture.workshops().get(0).id(), "Fabien Facile", "fabien." + System.nanoTime() + "@cnfpt.fr");
        assertThat(organiser.page(base).select("button[form^=animation-]").text()).contains("Fabien Facile");
        HtmlChecker.assertValid("writing", Map.of(
                "list", organiser.get(base).body(),
                "list-refused", empty.body(),
                "editor", organiser.get(editorPath).body(),
                "reader", reader.body(),
                "projector", projector.body(),
                "participant", participant.body(),
                "publish", organiser.get(base + "/" + first.id() + "/publication").body()));
    }

    @Test
    void another_units_organiser_is_refused() throws Exception {
        WritingDocument first = documentOfFirstWorkshop();
        String email = "autre.ecriture." + System.nanoTime() + "@cnfpt.fr";
        accounts.create(new NewAccount(email, "Autre Unité", Role.ORGANISER, "INSET d'ailleurs", WritingFixture.PASSWORD));
        WebSession stranger = new WebSession(port);
        stranger.signIn(email, WritingFixture.PASSWORD);
        assertThat(stranger.get(base).statusCode()).isEqualTo(403);
        assertThat(stranger.get(base + "/" + first.id()).statusCode()).isEqualTo(403);
        assertThat(stranger.getBytes(base + "/" + first.id() + "/texte.md").statusCode()).isEqualTo(403);
        // A document of another day through this day's address: not found.
        assertThat(organiser.get(base + "/999999999").statusCode()).isEqualTo(404);
    }

    private WritingDocument documentOfFirstWorkshop() throws Exception {
        organiser.get(base);
        return documents.ofWorkshop(fixture.workshops().get(0).id()).orElseThrow();
    }

    @Test
    void publishing_closes_the_document_and_adds_its_text_to_the_days_resources() throws Exception {
        WritingDocument first = documentOfFirstWorkshop();
        try (YjsWriter writer = new YjsWriter()) {
            assertThat(server.accept(first.id(), writer.heading(2, "Ce qui bloque"), u -> null).outcome())
                    .isEqualTo(ServerDocuments.Outcome.STORED);
            assertThat(server.accept(first.id(), writer.append("{\"type\":\"paragraph\",\"content\":["
                    + "{\"text\":\"Les délais de \"},{\"text\":\"paiement\",\"marks\":[\"em\"]},{\"text\":\".\"}]}"),
                    u -> null).outcome()).isEqualTo(ServerDocuments.Outcome.STORED);
        }
        String publish = base + "/" + first.id() + "/publication";
        HttpResponse<String> missing = organiser.submit(publish, publish, Map.of());
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body()).contains("Choisissez qui pourra lire le texte final.");
        assertThat(documents.find(first.id()).orElseThrow().isClosed()).isFalse();

        HttpResponse<String> done = organiser.submit(publish, publish, Map.of("visibilite", "PARTICIPANTS"));
        assertThat(done.statusCode()).isEqualTo(302);
        WritingDocument published = documents.find(first.id()).orElseThrow();
        assertThat(published.isClosed()).isTrue();
        assertThat(published.publishedAt()).isNotNull();
        Day day = days.find(fixture.dayId()).orElseThrow();
        Resource resource = day.resources().stream().filter(r -> r.title().equals(first.title())).findFirst().orElseThrow();
        assertThat(resource.visibility()).isEqualTo(Resource.Visibility.PARTICIPANTS);
        assertThat(resource.storedFile()).isNotNull();
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(dayFiles.resourceFile(day, resource.storedFile()).orElseThrow().content())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf)).contains("Ce qui bloque", "Les délais de", "paiement");
        }
        assertThat(organiser.page(base).select("tr[data-document=" + first.id() + "]").text()).contains("Clos", "publié");
        // Reopening is possible, with a message.
        HttpResponse<String> reopened = organiser.submit(base, base + "/" + first.id() + "/reouverture", Map.of());
        assertThat(reopened.statusCode()).isEqualTo(302);
        assertThat(documents.find(first.id()).orElseThrow().isClosed()).isFalse();
    }

    @Test
    void the_agents_space_links_to_their_workshops_document_only() throws Exception {
        long agent = fixture.participants().get(0).get(0);
        WritingDocument first = documentOfFirstWorkshop();
        String key = documents.participantKey(first.id(), agent);
        assertThat(spaceLinks(agent)).containsExactly("/ecriture/participant/" + key);
        assertThat(spaceLinks(fixture.participants().get(1).get(0))).hasSize(1).doesNotContain("/ecriture/participant/" + key);
    }

    @Autowired WritingLinksForAgents agentLinks;

    private java.util.List<String> spaceLinks(long registrationId) {
        return agentLinks.of(registrations.find(registrationId).orElseThrow()).stream()
                .map(org.rencontres.registration.AgentSpaceLinks.Link::path).toList();
    }
}
