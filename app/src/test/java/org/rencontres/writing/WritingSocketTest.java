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
import org.rencontres.notification.QueuedMails;
import org.rencontres.notification.QueuedMails.QueuedMail;
import org.rencontres.programme.Programmes;
import org.rencontres.registration.Registrations;
import org.rencontres.security.Accounts;
import org.rencontres.workshops.Workshops;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The writing WebSocket over a real connection, with real Yjs updates: numbered, acknowledged, relayed and
 * caught up; malformed ones refused, neither stored nor relayed; compacted by the server, never by a
 * browser's snapshot; the exports made of the stored updates, whatever a browser says the text is;
 * read-only and foreign participants refused (at the handshake and on the pages); presence only under
 * one's own name; a closed document takes nothing.
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
    @Autowired ServerDocuments server;
    @Autowired WritingEngine engine;
    @Autowired org.rencontres.event.DayFiles dayFiles;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired jakarta.websocket.WebSocketContainer container;

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

            try (YjsWriter orgaText = new YjsWriter(); YjsWriter agentText = new YjsWriter()) {
                byte[] alpha = orgaText.paragraph("alpha");
                orga.update(7, alpha);
                JsonNode ack = json(orga.nextText("ack"));
                assertThat(ack.path("ref").asInt()).isEqualTo(7);
                assertThat(ack.path("seq").asLong()).isEqualTo(1);
                SocketClient.Frame relayed = agent.next(f -> !f.isText() && f.type() == 1);
                assertThat(relayed.seq()).isEqualTo(1);
                assertThat(relayed.payload()).isEqualTo(alpha);

                agentText.receive(relayed.payload());
                byte[] beta = agentText.paragraph("beta");
                agent.update(1, beta);
                assertThat(json(agent.nextText("ack")).path("seq").asLong()).isEqualTo(2);
                assertThat(orga.next(f -> !f.isText() && f.type() == 1).payload()).isEqualTo(beta);
            }
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
    void the_server_compacts_the_updates_itself_and_refuses_a_browsers_snapshot() throws Exception {
        byte[] written;
        try (YjsWriter writer = new YjsWriter();
             SocketClient orga = new SocketClient(port, path(first), organiser.sessionId())) {
            orga.nextText("welcome");
            orga.hello(0);
            orga.nextText("synced");
            orga.update(1, writer.paragraph("Début "));
            orga.nextText("\"seq\":1");
            // A snapshot from a browser would replace the stored text by its own: refused, nothing replaced.
            try (YjsWriter forger = new YjsWriter()) {
                orga.snapshot(1, forger.paragraph("TEXTE FALSIFIE"));
            }
            assertThat(json(orga.nextText("refused")).path("reason").asString()).isEqualTo("snapshot");
            assertThat(store.rows(first.id())).isEqualTo(1);
            for (int i = 2; i <= 250; i++) {
                orga.update(i, writer.type("m" + i + " "));
            }
            orga.nextText("\"seq\":250");
            written = writer.state();
        }
        // More than 200 rows after the last snapshot: the server makes one of them, with yjs, in the background
        // (checked every 50 updates; the rows that came while it worked stay after it).
        long end = System.currentTimeMillis() + 30_000;
        while (store.rows(first.id()) > 50 && System.currentTimeMillis() < end) {
            Thread.sleep(100);
        }
        long rows = store.rows(first.id());
        assertThat(rows).isBetween(1L, 50L);
        String text = server.html(first.id());
        assertThat(text).startsWith("<p>Début m2 m3 m4 ").endsWith(" m249 m250 </p>").doesNotContain("FALSIFIE");
        try (SocketClient late = new SocketClient(port, path(first), organiser.sessionId());
             YjsWriter reader = new YjsWriter()) {
            late.nextText("welcome");
            late.hello(0);
            SocketClient.Frame covering = late.next(f -> !f.isText());
            assertThat(covering.type()).isEqualTo(4);
            assertThat(covering.seq()).isEqualTo(250 - rows + 1).isGreaterThan(200);
            reader.receive(covering.payload());
            for (long seq = covering.seq() + 1; seq <= 250; seq++) {
                SocketClient.Frame update = late.next(f -> !f.isText());
                assertThat(update.seq()).isEqualTo(seq);
                reader.receive(update.payload());
            }
            assertThat(json(late.nextText("synced")).path("seq").asLong()).isEqualTo(250);
            // The snapshot and the rows after it make the text the browser wrote.
            assertThat(engine.text(java.util.List.of(reader.state())))
                    .isEqualTo(engine.text(java.util.List.of(written)));
        }
    }

    @Test
    void a_malformed_update_is_refused_not_stored_and_not_relayed() throws Exception {
        String key = documents.participantKey(first.id(), fixture.participants().get(0).get(0));
        try (YjsWriter writer = new YjsWriter(); YjsWriter elsewhere = new YjsWriter();
             SocketClient agent = new SocketClient(port, path(first) + "?cle=" + key, null);
             SocketClient orga = new SocketClient(port, path(first), organiser.sessionId())) {
            agent.nextText("welcome");
            orga.nextText("welcome");
            agent.hello(0);
            agent.nextText("synced");
            orga.hello(0);
            orga.nextText("synced");
            agent.update(1, writer.paragraph("Premier paragraphe"));
            assertThat(json(agent.nextText("ack")).path("seq").asLong()).isEqualTo(1);
            assertThat(orga.next(f -> !f.isText() && f.type() == 1).seq()).isEqualTo(1);

            // Random bytes.
            byte[] random = new byte[200];
            new java.util.Random(13).nextBytes(random);
            random[0] = 1;   // one client, so that decoding goes past the first byte
            agent.update(2, random);
            assertThat(json(agent.nextText("refused")).path("reason").asString()).isEqualTo("malformed");
            // A valid update cut short.
            byte[] second = writer.paragraph("Second paragraphe");
            agent.update(3, java.util.Arrays.copyOf(second, second.length - 3));
            assertThat(json(agent.nextText("refused")).path("reason").asString()).isEqualTo("malformed");
            // A well-formed update that builds on text nobody sent (another browser's unsent paragraph).
            elsewhere.paragraph("jamais envoyé");
            agent.update(4, elsewhere.type(" suite"));
            assertThat(json(agent.nextText("refused")).path("reason").asString()).isEqualTo("malformed");

            // The next good update is number 2: nothing of the refused ones was stored or relayed.
            agent.update(5, second);
            JsonNode ack = json(agent.nextText("ack"));
            assertThat(ack.path("ref").asInt()).isEqualTo(5);
            assertThat(ack.path("seq").asLong()).isEqualTo(2);
            SocketClient.Frame relayed = orga.next(f -> !f.isText() && f.type() == 1);
            assertThat(relayed.seq()).isEqualTo(2);
            assertThat(relayed.payload()).isEqualTo(second);
        }
        assertThat(store.rows(first.id())).isEqualTo(2);
        assertThat(server.html(first.id())).isEqualTo("<p>Premier paragraphe</p><p>Second paragraphe</p>");
    }

    /**
     * A message larger than the connection's small receive buffer comes in parts and is taken whole (a pasted
     * page); one past 8 MiB closes the connection (1009) and is not stored. With the container's buffers as large
     * as the largest message, 20 editors filled the 256 MiB heap of deploy/jvm.options (docs/benchmarks.md).
     */
    @Test
    void a_message_larger_than_the_receive_buffer_is_taken_whole_and_one_past_the_limit_closes_the_connection()
            throws Exception {
        // Each connection's receive buffers are allocated when it opens: small (they were 12 MiB per browser).
        assertThat(container.getDefaultMaxBinaryMessageBufferSize()).isLessThanOrEqualTo(64 * 1024);
        assertThat(container.getDefaultMaxTextMessageBufferSize()).isLessThanOrEqualTo(64 * 1024);
        try (YjsWriter writer = new YjsWriter();
             SocketClient orga = new SocketClient(port, path(first), organiser.sessionId());
             SocketClient other = new SocketClient(port, path(first), organiser.sessionId())) {
            orga.nextText("welcome");
            other.nextText("welcome");
            orga.hello(0);
            orga.nextText("synced");
            other.hello(0);
            other.nextText("synced");
            byte[] pasted = writer.paragraph("Un long texte collé d'un autre document. ".repeat(5_000));
            assertThat(pasted.length).isGreaterThan(4 * WritingSocketConfiguration.RECEIVE_BUFFER_BYTES);
            orga.update(1, pasted);
            assertThat(json(orga.nextText("ack")).path("seq").asLong()).isEqualTo(1);
            assertThat(other.next(f -> !f.isText() && f.type() == 1).payload()).isEqualTo(pasted);
            // A text message in parts too.
            other.sendText("{\"t\":\"ping\"" + " ".repeat(3 * WritingSocketConfiguration.RECEIVE_BUFFER_CHARS) + "}");
            other.nextText("pong");

            orga.update(2, new byte[MessageParts.BINARY_MAX_BYTES]);
            for (int i = 0; i < 200 && !orga.closed; i++) {
                Thread.sleep(100);
            }
            assertThat(orga.closed).isTrue();
            assertThat(orga.closeCode).isEqualTo(1009);
            // The other connection goes on.
            other.sendText("{\"t\":\"ping\"}");
            other.nextText("pong");
        }
        assertThat(store.rows(first.id())).isEqualTo(1);
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
            try (YjsWriter writer = new YjsWriter()) {
                agent.update(1, writer.paragraph("avant"));
            }
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
            long organiserId = accounts.all().stream().filter(a -> a.email().equalsIgnoreCase(fixture.organiserEmail()))
                    .findFirst().orElseThrow().id();
            assertThat(accounts.disable(0, organiserId)).isEqualTo(Accounts.Change.DONE);
            try {
                orga.sendText("{\"t\":\"ping\"}");
                assertThat(json(orga.nextText("refused")).path("reason").asString()).isEqualTo("access");
            } finally {
                accounts.enable(organiserId);
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
    void the_exports_are_made_from_the_stored_updates_and_a_closed_document_takes_nothing() throws Exception {
        String key = documents.participantKey(first.id(), fixture.participants().get(0).get(0));
        YjsWriter writer = new YjsWriter();
        try (SocketClient agent = new SocketClient(port, path(first) + "?cle=" + key, null)) {
            agent.nextText("welcome");
            agent.hello(0);
            agent.nextText("synced");
            agent.update(1, writer.heading(2, "Ce qui fonctionne"));
            agent.update(2, writer.append("{\"type\":\"paragraph\",\"content\":[{\"text\":\"Le \"},"
                    + "{\"text\":\"tutorat\",\"marks\":[\"strong\"]},{\"text\":\" <script>alert(1)</script>\"}]}"));
            agent.update(3, writer.append("{\"type\":\"bullet_list\",\"content\":["
                    + "{\"type\":\"list_item\",\"content\":[{\"type\":\"paragraph\",\"content\":[{\"text\":\"un\"}]}]},"
                    + "{\"type\":\"list_item\",\"content\":[{\"type\":\"paragraph\",\"content\":[{\"text\":\"deux\"}]}]}]}"));
            agent.nextText("\"seq\":3");
            // What a browser says the text is counts for nothing (pages loaded before the change still send it).
            agent.sendText(JSON.writeValueAsString(java.util.Map.of("t", "content", "html", "<p>TEXTE FALSIFIE</p>")));
            agent.sendText("{\"t\":\"ping\"}");
            agent.nextText("pong");
        }
        String participantBase = "/ecriture/participant/" + key;
        HttpResponse<String> markdown = new WebSession(port).get(participantBase + "/texte.md");
        assertThat(markdown.statusCode()).isEqualTo(200);
        assertThat(markdown.body()).isEqualTo("# Atelier 1 – " + fixture.workshops().get(0).title() + "\n\n"
                + "### Ce qui fonctionne\n\nLe **tutorat** \\<script\\>alert(1)\\</script\\>\n\n- un\n- deux\n");
        String pdfText = pdfText(organiser.getBytes("/admin/journees/" + fixture.slug() + "/ecriture/" + first.id()
                + "/texte.pdf").body());
        assertThat(pdfText).contains("Ce qui fonctionne", "tutorat", "<script>alert(1)</script>", "un", "deux")
                .doesNotContain("FALSIFIE");

        String list = "/admin/journees/" + fixture.slug() + "/ecriture";
        SocketClient watcher = new SocketClient(port, path(first) + "?cle=" + key, null);
        watcher.nextText("welcome");
        watcher.hello(0);
        watcher.nextText("synced");
        assertThat(organiser.submit(list, list + "/" + first.id() + "/cloture", java.util.Map.of()).statusCode())
                .isEqualTo(302);
        // A browser connected when the document closes is told; whatever it sends then is refused.
        watcher.nextText("\"closed\"");
        watcher.sendText("{\"t\":\"content\",\"final\":true,\"html\":\"<p>…TEXTE FALSIFIE…</p>\"}");
        watcher.update(4, writer.paragraph("TEXTE FALSIFIE"));
        assertThat(json(watcher.nextText("refused")).path("reason").asString()).isEqualTo("closed");
        watcher.snapshot(3, writer.state());
        assertThat(json(watcher.nextText("refused")).path("reason").asString()).isEqualTo("snapshot");
        watcher.awareness(presence(77, 1, "{\"user\":{\"name\":\"Agent Redacteur0x0\",\"color\":1}}"));
        assertThat(json(watcher.nextText("refused")).path("reason").asString()).isEqualTo("closed");
        try (SocketClient agent = new SocketClient(port, path(first) + "?cle=" + key, null)) {
            JsonNode welcome = json(agent.nextText("welcome"));
            assertThat(welcome.path("canEdit").asBoolean()).isFalse();
            assertThat(welcome.path("closed").asBoolean()).isTrue();
            agent.update(1, writer.type(" FALSIFIE"));
            assertThat(json(agent.nextText("refused")).path("reason").asString()).isEqualTo("closed");
        }
        // A connection not yet told (on another instance, the notification still on its way) meets the store's check.
        try (YjsWriter late = new YjsWriter()) {
            assertThat(server.accept(first.id(), late.paragraph("TEXTE FALSIFIE"), u -> null).outcome())
                    .isEqualTo(ServerDocuments.Outcome.CLOSED);
        }
        writer.close();
        assertThat(store.rows(first.id())).isEqualTo(3);
        assertThat(new WebSession(port).get(participantBase + "/texte.md").body()).isEqualTo(markdown.body());
        // Published: the day's resource is the stored text, not the forged one.
        String publish = list + "/" + first.id() + "/publication";
        assertThat(organiser.submit(publish, publish, java.util.Map.of("visibilite", "PUBLIC")).statusCode()).isEqualTo(302);
        org.rencontres.event.Day day = days.find(fixture.dayId()).orElseThrow();
        org.rencontres.event.Resource resource = day.resources().stream()
                .filter(r -> r.title().equals(first.title())).findFirst().orElseThrow();
        String published = pdfText(dayFiles.resourceFile(day, resource.storedFile()).orElseThrow().content());
        assertThat(published).contains("Ce qui fonctionne", "tutorat", "deux").doesNotContain("FALSIFIE");

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

    private static String pdfText(byte[] pdf) throws Exception {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
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
            try (YjsWriter writer = new YjsWriter()) {
                facilitator.update(1, writer.paragraph("animation"));
            }
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
        assertThat(new QueuedMails(jdbc).to(f.email())).singleElement().extracting(QueuedMail::text).asString()
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
