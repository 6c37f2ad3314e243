package org.rencontres.writing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.event.Days;
import org.rencontres.programme.Programmes;
import org.rencontres.registration.Registrations;
import org.rencontres.security.Accounts;
import org.rencontres.workshops.Workshops;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The writing WebSocket over a real connection: updates numbered, acknowledged, relayed and caught up;
 * a snapshot replacing the updates it covers; read-only and foreign participants refused (at the
 * handshake and on the pages); presence only under one's own name; a closed document takes nothing.
 */
@RencontresIntegrationTest
class WritingSocketTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Programmes programmes;
    @Autowired Workshops workshops;
    @Autowired Registrations registrations;
    @Autowired Accounts accounts;
    @Autowired WritingDocuments documents;
    @Autowired UpdateStore store;
    @Autowired WritingSocketHandler handler;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private WritingFixture fixture;
    private WebSession organiser;
    private WritingDocument first;

    @BeforeEach
    void aDayWithTwoWorkshops() throws Exception {
        fixture = WritingFixture.create(days, programmes, workshops, registrations, accounts, 2);
        organiser = new WebSession(port);
        organiser.signIn(fixture.organiserEmail(), WritingFixture.PASSWORD);
        assertThat(organiser.get("/admin/journees/" + fixture.slug() + "/ecriture").statusCode()).isEqualTo(200);
        first = documents.ofWorkshop(fixture.workshops().get(0).id()).orElseThrow();
    }

    private String path(WritingDocument d) {
        return WritingSocketConfiguration.PATH + d.id();
    }

    private static JsonNode json(SocketClient.Frame frame) {
        return JSON.readTree(frame.text());
    }

    @Test
    void updates_are_numbered_acknowledged_relayed_and_caught_up() throws Exception {
        String key = documents.participantKey(first.id(), fixture.participants().get(0).get(0));
        try (SocketClient orga = new SocketClient(port, path(first), organiser.sessionId());
             SocketClient agent = new SocketClient(port, path(first) + "?cle=" + key, null)) {
            JsonNode welcome = json(orga.nextText("welcome"));
            assertThat(welcome.path("canEdit").asBoolean()).isTrue();
            assertThat(welcome.path("role").asString()).isEqualTo("ORGANISER");
            assertThat(welcome.path("moderates").asBoolean()).isTrue();
            JsonNode agentWelcome = json(agent.nextText("welcome"));
            assertThat(agentWelcome.path("role").asString()).isEqualTo("PARTICIPANT");
            assertThat(agentWelcome.path("name").asString()).isEqualTo("Agent Redacteur0x0");
            assertThat(agentWelcome.path("moderates").asBoolean()).isFalse();
            orga.hello(0);
            agent.hello(0);
            assertThat(json(orga.nextText("synced")).path("seq").asLong()).isZero();
            agent.nextText("synced");

            orga.update(7, SocketClient.utf8("alpha"));
            JsonNode ack = json(orga.nextText("ack"));
            assertThat(ack.path("ref").asInt()).isEqualTo(7);
            assertThat(ack.path("seq").asLong()).isEqualTo(1);
            SocketClient.Frame relayed = agent.next(f -> !f.isText() && f.type() == 1);
            assertThat(relayed.seq()).isEqualTo(1);
            assertThat(new String(relayed.payload(), StandardCharsets.UTF_8)).isEqualTo("alpha");

            agent.update(1, SocketClient.utf8("beta"));
            assertThat(json(agent.nextText("ack")).path("seq").asLong()).isEqualTo(2);
            assertThat(new String(orga.next(f -> !f.isText() && f.type() == 1).payload(), StandardCharsets.UTF_8))
                    .isEqualTo("beta");
        }
        // A reader arriving later gets both, in order, then "synced"; what it sends is refused and not stored.
        try (SocketClient reader = new SocketClient(port, path(first) + "?lecture=" + first.readKey(), null)) {
            JsonNode welcome = json(reader.nextText("welcome"));
            assertThat(welcome.path("canEdit").asBoolean()).isFalse();
            reader.hello(0);
            SocketClient.Frame one = reader.next(f -> !f.isText());
            SocketClient.Frame two = reader.next(f -> !f.isText());
            assertThat(one.seq()).isEqualTo(1);
            assertThat(two.seq()).isEqualTo(2);
            assertThat(json(reader.nextText("synced")).path("seq").asLong()).isEqualTo(2);
            reader.update(1, SocketClient.utf8("vandale"));
            assertThat(json(reader.nextText("refused")).path("reason").asString()).isEqualTo("readonly");
            // Catching up from 1 sends only what came after.
            reader.hello(1);
            SocketClient.Frame after = reader.next(f -> !f.isText());
            assertThat(after.seq()).isEqualTo(2);
        }
        assertThat(store.rows(first.id())).isEqualTo(2);
    }

    @Test
    void a_snapshot_replaces_the_updates_it_covers() throws Exception {
        try (SocketClient orga = new SocketClient(port, path(first), organiser.sessionId())) {
            orga.nextText("welcome");
            orga.hello(0);
            orga.nextText("synced");
            for (int i = 1; i <= 3; i++) {
                orga.update(i, SocketClient.utf8("u" + i));
                orga.nextText("\"ack\"");
            }
            // Not asked for: refused (a snapshot replaces stored updates).
            orga.snapshot(2, SocketClient.utf8("unasked"));
            assertThat(json(orga.nextText("refused")).path("reason").asString()).isEqualTo("snapshot");
            for (int i = 4; i <= 250; i++) {
                orga.update(i, SocketClient.utf8("u" + i));
            }
            orga.nextText("\"compact\"");
            orga.snapshot(2, SocketClient.utf8("u1+u2"));
        }
        // The snapshot is stored with the connection's messages, in order; wait until it is there.
        long end = System.currentTimeMillis() + 10_000;
        while (store.rows(first.id()) != 249 && System.currentTimeMillis() < end) {
            Thread.sleep(50);
        }
        assertThat(store.rows(first.id())).isEqualTo(249);
        try (SocketClient late = new SocketClient(port, path(first), organiser.sessionId())) {
            late.nextText("welcome");
            late.hello(0);
            SocketClient.Frame covering = late.next(f -> !f.isText());
            assertThat(covering.type()).isEqualTo(4);
            assertThat(covering.seq()).isEqualTo(2);
            assertThat(new String(covering.payload(), StandardCharsets.UTF_8)).isEqualTo("u1+u2");
            SocketClient.Frame third = late.next(f -> !f.isText());
            assertThat(third.type()).isEqualTo(1);
            assertThat(third.seq()).isEqualTo(3);
        }
    }

    @Test
    void a_participant_of_another_workshop_is_refused_on_the_page_and_on_the_socket() throws Exception {
        long stranger = fixture.participants().get(1).get(0);
        String foreignKey = documents.participantKey(first.id(), stranger);
        HttpResponse<String> page = new WebSession(port).get("/ecriture/participant/" + foreignKey);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThatThrownBy(() -> new SocketClient(port, path(first) + "?cle=" + foreignKey, null))
                .hasStackTraceContaining("403");
        // Nobody at all, a made-up key, another document's read key: refused too.
        assertThatThrownBy(() -> new SocketClient(port, path(first), null)).hasStackTraceContaining("403");
        assertThatThrownBy(() -> new SocketClient(port, path(first) + "?cle=AAAAAAAAAAAAAAAAAAAAAA", null))
                .hasStackTraceContaining("403");
        WritingDocument second = documents.ofWorkshop(fixture.workshops().get(1).id()).orElseThrow();
        assertThatThrownBy(() -> new SocketClient(port, path(first) + "?lecture=" + second.readKey(), null))
                .hasStackTraceContaining("403");
        // Their own workshop's document opens, on the page and on the socket.
        String ownKey = documents.participantKey(second.id(), stranger);
        assertThat(new WebSession(port).get("/ecriture/participant/" + ownKey).statusCode()).isEqualTo(200);
        try (SocketClient own = new SocketClient(port, path(second) + "?cle=" + ownKey, null)) {
            assertThat(json(own.nextText("welcome")).path("canEdit").asBoolean()).isTrue();
        }
        // A participant whose registration is withdrawn loses the access.
        registrations.withdraw(stranger, "Agent", null);
        assertThat(new WebSession(port).get("/ecriture/participant/" + ownKey).statusCode()).isEqualTo(404);
    }

    @Test
    void a_connection_loses_the_document_when_the_access_is_withdrawn_while_it_is_open() throws Exception {
        long agentId = fixture.participants().get(0).get(0);
        String key = documents.participantKey(first.id(), agentId);
        handler.recheckEvery(0);   // every message checks (15 s in production)
        try (SocketClient agent = new SocketClient(port, path(first) + "?cle=" + key, null);
             SocketClient orga = new SocketClient(port, path(first), organiser.sessionId())) {
            agent.nextText("welcome");
            orga.nextText("welcome");
            agent.hello(0);
            agent.nextText("synced");
            agent.update(1, SocketClient.utf8("avant"));
            assertThat(json(agent.nextText("ack")).path("seq").asLong()).isPositive();
            long stored = store.rows(first.id());

            registrations.withdraw(agentId, "Agent", null);
            // Its next message (a ping, here an update) is refused, and the connection closed for good.
            agent.update(2, SocketClient.utf8("après"));
            assertThat(json(agent.nextText("refused")).path("reason").asString()).isEqualTo("access");
            long end = System.currentTimeMillis() + 10_000;
            while (!agent.closed && System.currentTimeMillis() < end) {
                Thread.sleep(50);
            }
            assertThat(agent.closed).isTrue();
            assertThat(agent.closeCode).isEqualTo(4403);
            assertThat(store.rows(first.id())).isEqualTo(stored);
            // The organiser's connection, checked the same way, stays…
            orga.sendText("{\"t\":\"ping\"}");
            orga.nextText("pong");
            assertThat(orga.closed).isFalse();
            // … until the organiser's account is disabled: checked as the account is now, not as it was.
            jdbc.sql("UPDATE account SET enabled = false WHERE lower(email) = lower(?)")
                    .param(fixture.organiserEmail()).update();
            try {
                orga.sendText("{\"t\":\"ping\"}");
                assertThat(json(orga.nextText("refused")).path("reason").asString()).isEqualTo("access");
            } finally {
                jdbc.sql("UPDATE account SET enabled = true WHERE lower(email) = lower(?)")
                        .param(fixture.organiserEmail()).update();
            }
        } finally {
            handler.recheckEvery(WritingSocketHandler.RECHECK_MILLIS);
        }
        assertThatThrownBy(() -> new SocketClient(port, path(first) + "?cle=" + key, null)).hasStackTraceContaining("403");
    }

    @Test
    void presence_is_relayed_under_ones_own_name_only() throws Exception {
        String key = documents.participantKey(first.id(), fixture.participants().get(0).get(1));
        try (SocketClient orga = new SocketClient(port, path(first), organiser.sessionId());
             SocketClient agent = new SocketClient(port, path(first) + "?cle=" + key, null)) {
            orga.nextText("welcome");
            agent.nextText("welcome");
            agent.hello(0);
            agent.nextText("synced");
            agent.awareness(presence(42, 1, "{\"user\":{\"name\":\"Élise Écriture\",\"color\":1}}"));
            assertThat(json(agent.nextText("refused")).path("reason").asString()).isEqualTo("presence");
            agent.awareness(presence(42, 2, "{\"user\":{\"name\":\"Agent Redacteur0x1\",\"color\":1},"
                    + "\"highlight\":{\"anchor\":1,\"head\":2}}"));
            agent.nextText("refused");   // only moderators highlight
            agent.awareness(presence(42, 3, "{\"user\":{\"name\":\"Agent Redacteur0x1\",\"color\":1}}"));
            SocketClient.Frame seen = orga.next(f -> !f.isText() && f.type() == 2);
            assertThat(new String(seen.bytes(), StandardCharsets.UTF_8)).contains("Agent Redacteur0x1");
            agent.close();
            // Leaving tells the others: a state "null" for that client, one clock later.
            SocketClient.Frame gone = orga.next(f -> !f.isText() && f.type() == 2);
            byte[] removal = new byte[gone.bytes().length - 1];
            System.arraycopy(gone.bytes(), 1, removal, 0, removal.length);
            assertThat(Awareness.read(removal)).containsExactly(new Awareness.Entry(42, 4, "null"));
        }
    }

    @Test
    void the_text_is_kept_cleaned_and_exported_and_a_closed_document_takes_nothing() throws Exception {
        String key = documents.participantKey(first.id(), fixture.participants().get(0).get(0));
        try (SocketClient agent = new SocketClient(port, path(first) + "?cle=" + key, null)) {
            agent.nextText("welcome");
            agent.sendText(JSON.writeValueAsString(java.util.Map.of("t", "content", "html",
                    "<h2>Ce qui fonctionne</h2><p>Le <strong>tutorat</strong> <script>alert(1)</script></p>"
                            + "<ul><li><p>un</p></li><li><p>deux</p></li></ul>")));
            long end = System.currentTimeMillis() + 10_000;
            while (documents.find(first.id()).orElseThrow().contentHtml() == null && System.currentTimeMillis() < end) {
                Thread.sleep(50);
            }
        }
        String html = documents.find(first.id()).orElseThrow().contentHtml();
        assertThat(html).contains("<strong>tutorat</strong>").doesNotContain("script");
        HttpResponse<String> markdown = new WebSession(port).get("/ecriture/participant/" + key + "/texte.md");
        assertThat(markdown.statusCode()).isEqualTo(200);
        assertThat(markdown.body()).contains("## Ce qui fonctionne", "Le **tutorat**", "- un\n- deux");
        HttpResponse<byte[]> pdf = organiser.getBytes("/admin/journees/" + fixture.slug() + "/ecriture/" + first.id()
                + "/texte.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("Ce qui fonctionne", "tutorat");
        }

        String list = "/admin/journees/" + fixture.slug() + "/ecriture";
        SocketClient watcher = new SocketClient(port, path(first) + "?cle=" + key, null);
        watcher.nextText("welcome");
        assertThat(organiser.submit(list, list + "/" + first.id() + "/cloture", java.util.Map.of()).statusCode())
                .isEqualTo(302);
        // A browser connected when the document closes is told (it sends its last text, which still counts).
        watcher.nextText("\"closed\"");
        watcher.sendText("{\"t\":\"content\",\"final\":true,\"html\":\"<p>Dernier mot</p>\"}");
        long until = System.currentTimeMillis() + 10_000;
        while (!String.valueOf(documents.find(first.id()).orElseThrow().contentHtml()).contains("Dernier mot")
                && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        assertThat(documents.find(first.id()).orElseThrow().contentHtml()).isEqualTo("<p>Dernier mot</p>");
        try (SocketClient agent = new SocketClient(port, path(first) + "?cle=" + key, null)) {
            JsonNode welcome = json(agent.nextText("welcome"));
            assertThat(welcome.path("canEdit").asBoolean()).isFalse();
            assertThat(welcome.path("closed").asBoolean()).isTrue();
            agent.update(1, SocketClient.utf8("trop tard"));
            assertThat(json(agent.nextText("refused")).path("reason").asString()).isEqualTo("closed");
        }
        assertThat(store.rows(first.id())).isZero();
        // Reopening disconnects the browsers, which connect again with their access decided afresh.
        assertThat(organiser.submit(list, list + "/" + first.id() + "/reouverture", java.util.Map.of()).statusCode())
                .isEqualTo(302);
        long end = System.currentTimeMillis() + 10_000;
        while (!watcher.closed && System.currentTimeMillis() < end) {
            Thread.sleep(50);
        }
        assertThat(watcher.closed).isTrue();
        try (SocketClient again = new SocketClient(port, path(first) + "?cle=" + key, null)) {
            assertThat(json(again.nextText("welcome")).path("canEdit").asBoolean()).isTrue();
        }
    }

    @Test
    void a_facilitator_writes_and_moderates_their_workshops_document_only() throws Exception {
        org.rencontres.workshops.Facilitator f = workshops.addFacilitator(fixture.workshops().get(0).id(),
                "Fanny Facilitatrice", "fanny." + System.nanoTime() + "@cnfpt.fr");
        HttpResponse<String> page = new WebSession(port).get("/ecriture/animation/" + f.accessKey());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-command=\"highlight\"", "Atelier 1");
        try (SocketClient facilitator = new SocketClient(port, path(first) + "?animation=" + f.accessKey(), null)) {
            JsonNode welcome = json(facilitator.nextText("welcome"));
            assertThat(welcome.path("role").asString()).isEqualTo("FACILITATOR");
            assertThat(welcome.path("moderates").asBoolean()).isTrue();
            assertThat(welcome.path("name").asString()).isEqualTo("Fanny Facilitatrice");
            facilitator.hello(0);
            facilitator.nextText("synced");
            facilitator.update(1, SocketClient.utf8("animation"));
            assertThat(json(facilitator.nextText("ack")).path("seq").asLong()).isEqualTo(1);
        }
        // Their key opens nothing of the other workshop.
        WritingDocument second = documents.ofWorkshop(fixture.workshops().get(1).id()).orElseThrow();
        assertThatThrownBy(() -> new SocketClient(port, path(second) + "?animation=" + f.accessKey(), null))
                .hasStackTraceContaining("403");
        assertThat(new WebSession(port).get("/ecriture/animation/inconnue").statusCode()).isEqualTo(404);
        // The organisers' list gives them the link to send.
        assertThat(organiser.page("/admin/journees/" + fixture.slug() + "/ecriture")
                .select("a[href=/ecriture/animation/" + f.accessKey() + "]").text()).contains("Fanny Facilitatrice");
        // … and sends it by e-mail: one message in the outbox, with the link.
        String list = "/admin/journees/" + fixture.slug() + "/ecriture";
        HttpResponse<String> sent = organiser.submit(list, list + "/" + first.id() + "/animation/" + f.id(),
                java.util.Map.of());
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(organiser.page(list).select("[role=status]").text()).contains("Lien d'animation envoyé à Fanny Facilitatrice.");
        assertThat(jdbc.sql("SELECT text_body FROM notification_outbox WHERE recipient = ?").param(f.email())
                .query(String.class).list()).singleElement().asString()
                .contains("Bonjour Fanny Facilitatrice,", "/ecriture/animation/" + f.accessKey(), "Atelier 1");
        // Not a facilitator of that document's workshop: not found, nothing sent.
        WritingDocument other = documents.ofWorkshop(fixture.workshops().get(1).id()).orElseThrow();
        assertThat(organiser.submit(list, list + "/" + other.id() + "/animation/" + f.id(), java.util.Map.of())
                .statusCode()).isEqualTo(404);
    }

    private static byte[] presence(long client, long clock, String json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Awareness.writeVarUint(out, 1);
        Awareness.writeVarUint(out, client);
        Awareness.writeVarUint(out, clock);
        byte[] state = json.getBytes(StandardCharsets.UTF_8);
        Awareness.writeVarUint(out, state.length);
        out.writeBytes(state);
        return out.toByteArray();
    }
}
