package org.rencontres.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfRendererTest {

    private final PdfRenderer renderer = new PdfRenderer();

    private static String document(String body) {
        return """
                <!DOCTYPE html>
                <html xmlns="http://www.w3.org/1999/xhtml" lang="fr">
                <head><title>Essai de rendu</title>
                <meta name="subject" content="Un document d'essai."/>
                <style>body { font-family: "DejaVu Sans"; }</style></head>
                <body>%s</body>
                </html>
                """.formatted(body);
    }

    @Test
    void renders_an_a4_tagged_pdf_with_embedded_fonts_and_its_title() throws Exception {
        byte[] pdf = renderer.render(document(
                "<h1>Journée d'actualité</h1><p>Élus et <strong>agents</strong>, <em>ensemble</em> – 9h30.</p>"), null);

        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            PDPage page = doc.getPage(0);
            assertThat(Math.round(page.getMediaBox().getWidth())).isEqualTo(595);
            assertThat(Math.round(page.getMediaBox().getHeight())).isEqualTo(842);
            PDFTextStripper text = new PDFTextStripper();
            text.setSortByPosition(true);
            assertThat(text.getText(doc))
                    .contains("Journée d'actualité", "Élus et agents, ensemble – 9h30.");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Essai de rendu");
            assertThat(doc.getDocumentInformation().getSubject()).isEqualTo("Un document d'essai.");
            assertThat(doc.getDocumentCatalog().getMarkInfo()).isNotNull();
            assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(doc.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("fr");
            List<PDFont> fonts = fonts(doc);
            assertThat(fonts).hasSizeGreaterThanOrEqualTo(3); // regular, bold, oblique
            assertThat(fonts).allSatisfy(font -> assertThat(font.isEmbedded()).as(font.getName()).isTrue());
            assertThat(fonts).allSatisfy(font -> assertThat(font.getName()).contains("DejaVuSans"));
        }
    }

    @Test
    void long_documents_flow_onto_more_a4_pages() throws Exception {
        byte[] pdf = renderer.render(document("<p>Une ligne de texte.</p>".repeat(200)), null);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            doc.getPages().forEach(p -> assertThat(Math.round(p.getMediaBox().getHeight())).isEqualTo(842));
        }
    }

    @Test
    void a_document_that_is_not_well_formed_is_refused() {
        assertThatThrownBy(() -> renderer.render("<html><body><p>non fermé</body>", null))
                .isInstanceOf(PdfRenderingException.class);
    }

    @Test
    void nothing_that_a_document_links_to_is_fetched() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            String xhtml = document("<p>Image distante : <img src=\"" + base + "/image.png\" alt=\"image\"/></p>")
                    .replace("</head>", "<link rel=\"stylesheet\" href=\"" + base + "/style.css\"/></head>");
            byte[] pdf = renderer.render(xhtml, base + "/page");
            assertThat(pdf).isNotEmpty();
            assertThat(requests).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    private static List<PDFont> fonts(PDDocument doc) throws Exception {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : doc.getPages()) {
            PDResources resources = page.getResources();
            for (var name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }
        }
        return fonts;
    }
}
