package org.rencontres.writing;

import java.text.Normalizer;
import java.util.Locale;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.rencontres.document.PdfTemplates;
import org.rencontres.event.Day;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;

/**
 * A document's text as Markdown and as PDF, made from its stored Yjs updates, which yjs on the server
 * reads ({@link ServerDocuments#html}): what a browser says the text is counts for nothing. The Markdown
 * writer is ours: the editor has a handful of blocks and marks
 * (headings, paragraphs, lists, quotes, emphasis), and a general HTML-to-Markdown library would add a
 * dependency for far more than that.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WritingExports {

    private final PdfTemplates pdfs;
    private final ServerDocuments server;

    static String fileName(WritingDocument document, String extension) {
        String base = Normalizer.normalize(document.title(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return (base.isEmpty() ? "texte" : base) + "." + extension;
    }

    String markdown(WritingDocument document) {
        StringBuilder out = new StringBuilder("# ").append(escape(document.title())).append("\n\n");
        blocks(Jsoup.parseBodyFragment(server.html(document.id())).body(), out, "");
        return out.toString().replaceAll("\n{3,}", "\n\n").strip() + "\n";
    }

    private void blocks(Element parent, StringBuilder out, String indent) {
        for (Element e : parent.children()) {
            switch (e.tagName()) {
                case "h1", "h2", "h3", "h4", "h5", "h6" -> out.append(indent)
                        .append("#".repeat(Math.min(6, e.tagName().charAt(1) - '0' + 1))).append(' ')
                        .append(inline(e)).append("\n\n");
                case "p" -> {
                    String text = inline(e);
                    if (!text.isBlank()) {
                        out.append(indent).append(text).append("\n\n");
                    }
                }
                case "ul", "ol" -> {
                    int n = e.tagName().equals("ol") && e.hasAttr("start") ? parseStart(e.attr("start")) : 1;
                    for (Element li : e.children()) {
                        String marker = e.tagName().equals("ol") ? (n++) + ". " : "- ";
                        StringBuilder item = new StringBuilder();
                        blocks(li, item, "");
                        String[] lines = item.toString().strip().split("\n");
                        String pad = " ".repeat(marker.length());
                        out.append(indent).append(marker).append(lines.length == 0 ? "" : lines[0]).append('\n');
                        for (int i = 1; i < lines.length; i++) {
                            out.append(lines[i].isEmpty() ? "" : indent + pad + lines[i]).append('\n');
                        }
                    }
                    out.append('\n');
                }
                case "blockquote" -> {
                    StringBuilder quoted = new StringBuilder();
                    blocks(e, quoted, "");
                    for (String line : quoted.toString().strip().split("\n")) {
                        out.append(indent).append(line.isEmpty() ? ">" : "> " + line).append('\n');
                    }
                    out.append('\n');
                }
                case "hr" -> out.append(indent).append("---\n\n");
                case "pre" -> out.append(indent).append("```\n").append(e.wholeText()).append("\n```\n\n");
                default -> out.append(indent).append(inline(e)).append("\n\n");
            }
        }
    }

    private static int parseStart(String start) {
        try {
            return Integer.parseInt(start);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private String inline(Element element) {
        StringBuilder out = new StringBuilder();
        for (Node node : element.childNodes()) {
            if (node instanceof TextNode text) {
                out.append(escape(text.text()));
            } else if (node instanceof Element e) {
                switch (e.tagName()) {
                    case "em" -> out.append('*').append(inline(e)).append('*');
                    case "strong" -> out.append("**").append(inline(e)).append("**");
                    case "code" -> out.append('`').append(e.text()).append('`');
                    case "br" -> out.append("  \n");
                    default -> out.append(inline(e));
                }
            }
        }
        return out.toString();
    }

    private static String escape(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]#<>])", "\\\\$1");
    }

    byte[] pdf(WritingDocument document, Day day) {
        Context context = new Context(Locale.FRENCH);
        context.setVariable("document", document);
        context.setVariable("day", day);
        context.setVariable("content", xhtml(server.html(document.id())));
        return pdfs.render("writing/pdf/text", context);
    }

    /** The cleaned HTML as well-formed XHTML, which the PDF renderer needs. */
    static String xhtml(String html) {
        Document doc = Jsoup.parseBodyFragment(EditorHtml.clean(html));
        doc.outputSettings().syntax(Document.OutputSettings.Syntax.xml).escapeMode(Entities.EscapeMode.xhtml)
                .prettyPrint(false);
        return doc.body().html();
    }
}
