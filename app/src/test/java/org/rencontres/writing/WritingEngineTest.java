package org.rencontres.writing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * yjs on the server (no Spring, no database): the editor's blocks and marks read back as the HTML the
 * browsers' serializer gives; undecodable bytes, cut updates and updates building on missing text told
 * apart from good ones; a snapshot that makes the same text as the updates it replaces.
 */
class WritingEngineTest {

    private static WritingEngine engine;

    @BeforeAll
    static void start() {
        engine = new WritingEngine(false);
    }

    @AfterAll
    static void stop() {
        engine.stop();
    }

    @Test
    void the_editors_blocks_and_marks_read_back_as_html() {
        List<byte[]> updates = new ArrayList<>();
        try (YjsWriter writer = new YjsWriter()) {
            updates.add(writer.heading(2, "Ce qui fonctionne"));
            updates.add(writer.append("""
                    {"type":"paragraph","content":[{"text":"Le "},{"text":"tutorat","marks":["strong"]},
                     {"text":" et ","marks":[]},{"text":"l'entraide","marks":["em"]},{"text":" ensemble","marks":["em","strong"]},
                     {"text":" <b>brut</b> & co"}]}"""));
            updates.add(writer.append("""
                    {"type":"bullet_list","content":[
                      {"type":"list_item","content":[{"type":"paragraph","content":[{"text":"un"}]}]},
                      {"type":"list_item","content":[{"type":"paragraph","content":[{"text":"deux"}]}]}]}"""));
            updates.add(writer.append("""
                    {"type":"ordered_list","attrs":{"order":3},"content":[
                      {"type":"list_item","content":[{"type":"paragraph","content":[{"text":"trois"}]}]}]}"""));
            updates.add(writer.append("""
                    {"type":"blockquote","content":[{"type":"paragraph","content":[{"text":"cité"}]}]}"""));
            updates.add(writer.append("""
                    {"type":"paragraph","content":[{"text":"avant"},{"type":"hard_break"},{"text":"après"}]}"""));
            updates.add(writer.append("{\"type\":\"horizontal_rule\"}"));
            // Not in the editor's schema: left out, with what it holds.
            updates.add(writer.append("""
                    {"type":"image","attrs":{"src":"https://ailleurs.example/x.png"},"content":[{"text":"caché"}]}"""));
            updates.add(writer.append("{\"type\":\"heading\",\"attrs\":{\"level\":3},\"content\":[{\"text\":\"Fin\"}]}"));
        }
        String html = EditorHtml.of(engine.text(updates));
        assertThat(html).isEqualTo("<h2>Ce qui fonctionne</h2>"
                + "<p>Le <strong>tutorat</strong> et <em>l'entraide<strong> ensemble</strong></em>"
                + " &lt;b&gt;brut&lt;/b&gt; &amp; co</p>"
                + "<ul><li><p>un</p></li><li><p>deux</p></li></ul>"
                + "<ol start=\"3\"><li><p>trois</p></li></ol>"
                + "<blockquote><p>cité</p></blockquote>"
                + "<p>avant<br>après</p><hr><h3>Fin</h3>");
        // The order of the updates does not matter (a CRDT), and an empty document is empty.
        List<byte[]> reversed = new ArrayList<>(updates);
        java.util.Collections.reverse(reversed);
        assertThat(EditorHtml.of(engine.text(reversed))).isEqualTo(html);
        assertThat(EditorHtml.of(engine.text(List.of()))).isEmpty();
    }

    @Test
    void malformed_updates_are_told_apart_from_good_ones() throws Exception {
        byte[] first;
        byte[] second;
        byte[] orphan;
        try (YjsWriter writer = new YjsWriter(); YjsWriter elsewhere = new YjsWriter()) {
            first = writer.paragraph("Premier");
            second = writer.type(" et la suite");
            elsewhere.paragraph("jamais envoyé");
            orphan = elsewhere.type(" suite");
        }
        engine.checkDecodes(2, first);
        engine.checkDecodes(2, orphan);   // well-formed: what it builds on is checked when applied
        for (int seed = 0; seed < 20; seed++) {
            byte[] random = new byte[64 + seed * 10];
            new Random(seed).nextBytes(random);
            random[0] = 1;
            assertThatThrownBy(() -> engine.checkDecodes(2, random)).as("seed %d", seed)
                    .isInstanceOf(WritingEngine.MalformedUpdate.class);
        }
        for (int cut = 1; cut < first.length - 1; cut += 3) {
            byte[] truncated = Arrays.copyOf(first, first.length - cut);
            assertThatThrownBy(() -> engine.checkDecodes(2, truncated)).as("cut %d", cut)
                    .isInstanceOf(WritingEngine.MalformedUpdate.class);
        }

        assertThat(engine.open(2, List.of())).isTrue();
        assertThat(engine.apply(2, first)).isTrue();
        assertThat(engine.apply(2, orphan)).isFalse();   // needs a paragraph the document never had
        engine.drop(2);
        assertThat(engine.isOpen(2)).isFalse();
        assertThat(engine.open(2, List.of(first))).isTrue();
        assertThat(engine.apply(2, second)).isTrue();
        engine.drop(2);
    }

    @Test
    void a_snapshot_makes_the_same_text_as_the_updates_it_replaces() {
        List<byte[]> updates = new ArrayList<>();
        try (YjsWriter writer = new YjsWriter()) {
            updates.add(writer.paragraph("Début"));
            for (int i = 0; i < 50; i++) {
                updates.add(writer.type(" mot" + i));
            }
        }
        byte[] snapshot = engine.state(updates);
        assertThat(engine.text(List.of(snapshot))).isEqualTo(engine.text(updates)).contains("mot49");
        assertThat(snapshot.length).isLessThan(updates.stream().mapToInt(u -> u.length).sum());
    }

    @Test
    void without_warm_up_graaljs_is_made_at_first_use_not_at_start() throws InterruptedException {
        WritingEngine lazy = new WritingEngine(false);
        try {
            lazy.start();
            assertThat(lazy.isRunning()).isTrue();
            Thread.sleep(500);
            assertThat(lazy.started()).as("no engine before the first use").isFalse();
            assertThat(lazy.isOpen(7)).isFalse();
            assertThat(lazy.started()).isTrue();
        } finally {
            lazy.stop();
        }
        assertThat(lazy.started()).isFalse();
    }

    @Test
    void with_warm_up_the_engine_is_made_in_the_background_at_start() throws InterruptedException {
        WritingEngine warm = new WritingEngine(true);
        try {
            warm.start();
            for (int i = 0; i < 1200 && !warm.started(); i++) {
                Thread.sleep(100);
            }
            assertThat(warm.started()).as("made by the warm-up, before any use").isTrue();
        } finally {
            warm.stop();
        }
    }
}
