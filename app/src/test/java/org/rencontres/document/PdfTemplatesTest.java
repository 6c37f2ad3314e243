package org.rencontres.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** The one template-to-PDF path: the template sees its variables and the application's beans, as a page does. */
class PdfTemplatesTest {

    /** A bean a template calls, as documents call {@code @formats}. */
    public static final class Greeting {
        public String of(String town) {
            return "Bienvenue à " + town;
        }
    }

    private static final String TEMPLATE = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" xmlns:th="http://www.thymeleaf.org" lang="fr">
            <head><title th:text="${title}">titre</title>
            <meta name="subject" content="Un document d'essai."/>
            <style>body { font-family: "DejaVu Sans"; }</style></head>
            <body><h1 th:text="${title}">titre</h1><p th:text="${@greeting.of(town)}">accueil</p></body>
            </html>
            """;

    @Test
    void renders_a_template_with_its_variables_and_the_applications_beans() throws Exception {
        StaticApplicationContext application = new StaticApplicationContext();
        application.getBeanFactory().registerSingleton("greeting", new Greeting());
        application.refresh();
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(new StringTemplateResolver());
        PdfTemplates pdfs = new PdfTemplates(new PdfRenderer(), engine, application);

        Context context = new Context(Locale.FRENCH);
        context.setVariable("title", "Journée d'actualité");
        context.setVariable("town", "Évry-Courcouronnes");
        byte[] pdf = pdfs.render(TEMPLATE, context);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc))
                    .contains("Journée d'actualité", "Bienvenue à Évry-Courcouronnes")
                    .doesNotContain("accueil");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Journée d'actualité");
        }
        application.close();
    }
}
