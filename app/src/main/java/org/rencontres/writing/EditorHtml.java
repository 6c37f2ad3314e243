package org.rencontres.writing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The editor's document (as {@link WritingEngine#text} reads it from the Yjs updates) as HTML, the HTML
 * that ProseMirror's serializer gives for the editor's schema in static/js/writing.js: prosemirror-schema-basic
 * less images, code blocks, links and code, plus the lists of prosemirror-schema-list. A node the schema
 * does not know is left out with its content (y-prosemirror drops it in the browsers too); the result is
 * also cleaned by the safelist of the editor's own tags.
 */
final class EditorHtml {

    /** What the text may hold: the editor's own marks and blocks, nothing else. */
    static final Safelist CONTENT = new Safelist()
            .addTags("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "em", "strong", "blockquote", "br", "hr")
            .addAttributes("ol", "start");
    /** The marks in the schema's order, which is the order in which ProseMirror nests them. */
    private static final List<String> MARKS = List.of("em", "strong");
    private static final Map<String, String> BLOCKS = Map.of("paragraph", "p", "blockquote", "blockquote",
            "bullet_list", "ul", "list_item", "li");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EditorHtml() {
    }

    static String of(String json) {
        StringBuilder out = new StringBuilder();
        nodes(JSON.readTree(json), out);
        return clean(out.toString());
    }

    private static void nodes(JsonNode children, StringBuilder out) {
        List<String> open = new ArrayList<>();
        for (JsonNode child : children) {
            if (child.has("t")) {
                List<String> marks = MARKS.stream().filter(m -> child.path("m").has(m)).toList();
                int keep = 0;
                while (keep < open.size() && keep < marks.size() && open.get(keep).equals(marks.get(keep))) {
                    keep++;
                }
                close(open, keep, out);
                for (int i = keep; i < marks.size(); i++) {
                    out.append('<').append(marks.get(i)).append('>');
                    open.add(marks.get(i));
                }
                out.append(Entities.escape(child.path("t").asString("")));
                continue;
            }
            close(open, 0, out);
            element(child, out);
        }
        close(open, 0, out);
    }

    private static void close(List<String> open, int keep, StringBuilder out) {
        while (open.size() > keep) {
            out.append("</").append(open.remove(open.size() - 1)).append('>');
        }
    }

    private static void element(JsonNode node, StringBuilder out) {
        String name = node.path("n").asString("");
        JsonNode attributes = node.path("a");
        String tag = BLOCKS.get(name);
        switch (name) {
            case "heading" -> {
                int level = attributes.path("level").asInt(1);
                tag = "h" + Math.max(1, Math.min(6, level));
            }
            case "ordered_list" -> {
                int order = attributes.path("order").asInt(1);
                out.append(order == 1 ? "<ol>" : "<ol start=\"" + order + "\">");
                nodes(node.path("c"), out);
                out.append("</ol>");
                return;
            }
            case "horizontal_rule" -> {
                out.append("<hr>");
                return;
            }
            case "hard_break" -> {
                out.append("<br>");
                return;
            }
            default -> {
                if (tag == null) {
                    return;
                }
            }
        }
        out.append('<').append(tag).append('>');
        nodes(node.path("c"), out);
        out.append("</").append(tag).append('>');
    }

    static String clean(String html) {
        Document dirty = Jsoup.parseBodyFragment(html);
        Document clean = new Cleaner(CONTENT).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }
}
