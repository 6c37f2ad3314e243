package org.rencontres.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.event.Day;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.registration.Registrations;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every error is answered by the application's own page, in French: what Tomcat refuses before the
 * application (a bad %-encoding in the path, an address too long, a body too large), what Spring MVC
 * refuses (wrong method, missing or mistyped parameter), a control character or an over-long field
 * (refused once for every form), and what the database refuses. Nothing is saved.
 */
@RencontresIntegrationTest
class ErrorPagesTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired Days days;
    @Autowired Registrations registrations;

    private static Document frenchPage(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Tomcat").doesNotContain("HTTP Status");
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("html").attr("lang")).as(response.body()).isEqualTo("fr");
        return page;
    }

    /** A raw request line, as no HTTP client would send it (they refuse a bad %-encoding themselves). */
    private String raw(String requestLine) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void what_tomcat_refuses_before_the_application_gets_a_french_page() throws Exception {
        for (String path : new String[] {"/journees/%00", "/journees/%ff", "/journees/a%2fb",
                "/journees/" + "a".repeat(10_000)}) {
            String answer = raw("GET " + path + " HTTP/1.1");
            assertThat(answer).as(path.substring(0, Math.min(path.length(), 30)))
                    .startsWith("HTTP/1.1 400").contains("<html lang=\"fr\">").contains("Demande incorrecte")
                    .doesNotContain("Tomcat").doesNotContain("HTTP Status");
        }
        // A page that exists still answers: the valve only speaks for errors.
        assertThat(raw("GET /accessibilite HTTP/1.1")).startsWith("HTTP/1.1 200");
    }

    @Test
    void a_body_too_large_outside_uploads_gets_a_french_413_page_and_saves_nothing() throws Exception {
        int before = registrationsOfTheDemoDay();
        WebSession visitor = new WebSession(port);
        HttpResponse<String> response = visitor.request("POST", "/journees/Z20IN001/inscription",
                "nom=" + "x".repeat(3_000_000), Duration.ofSeconds(60));
        Document page = frenchPage(response, 413);
        assertThat(page.select("h1").text()).isEqualTo("Envoi trop volumineux");
        assertThat(registrationsOfTheDemoDay()).isEqualTo(before);
    }

    @Test
    void a_body_with_a_bad_percent_encoding_gets_a_french_page() throws Exception {
        WebSession visitor = new WebSession(port);
        for (String body : new String[] {"nom=%zz", "nom=%ff%fe", "nom=%", "=x&&=&nom"}) {
            HttpResponse<String> response = visitor.request("POST", "/journees/Z20IN001/inscription", body,
                    Duration.ofSeconds(30));
            assertThat(response.statusCode()).as(body).isBetween(400, 499);
            assertThat(response.body()).as(body).contains("<html lang=\"fr\"").doesNotContain("Tomcat");
        }
    }

    @Test
    void a_control_character_or_an_over_long_field_is_refused_naming_the_field() throws Exception {
        int before = registrationsOfTheDemoDay();
        WebSession visitor = new WebSession(port);
        Map<String, String> valid = Map.of("nom", "Durand", "prenom", "Léa", "courriel", "lea.durand@example.fr",
                "telephone", "01 02 03 04 05", "fonction", "Chargée de mission", "employeur", "Ville d'Évry");

        HttpResponse<String> nul = visitor.submit("/journees/Z20IN001/inscription", "/journees/Z20IN001/inscription",
                with(valid, "nom", "Du\u0000rand"));
        assertThat(frenchPage(nul, 400).select("#probleme").text())
                .isEqualTo("Le champ « nom » contient un caractère invisible (un caractère de contrôle) qui n'est pas "
                        + "accepté. Revenez en arrière, retapez ce texte sans le coller, puis envoyez de nouveau. "
                        + "Rien n'a été enregistré.");

        HttpResponse<String> escape = visitor.submit("/journees/Z20IN001/inscription", "/journees/Z20IN001/inscription",
                with(valid, "fonction", "Chargée\u001b[31m de mission"));
        assertThat(frenchPage(escape, 400).select("#probleme").text()).startsWith("Le champ « fonction » contient");

        HttpResponse<String> megabyte = visitor.submit("/journees/Z20IN001/inscription", "/journees/Z20IN001/inscription",
                with(valid, "employeur", "x".repeat(1_000_000)));
        assertThat(frenchPage(megabyte, 400).select("#probleme").text())
                .startsWith("Le champ « employeur » est trop long : 20\u202f000 caractères au plus.");

        // In an address too.
        assertThat(frenchPage(visitor.get("/?q=a%00b"), 400).select("#probleme").text()).contains("« q »");

        assertThat(registrationsOfTheDemoDay()).isEqualTo(before);

        // Tab, carriage return and line feed are text: a multi-line field keeps them (the form then answers
        // for itself, here about the fields left empty).
        HttpResponse<String> multiline = organiser().submit("/admin/journees/nouvelle", "/admin/journees/nouvelle",
                Map.of("contexte", "Premier paragraphe\r\n\r\n\tSecond paragraphe"));
        assertThat(multiline.statusCode()).isEqualTo(200);
        Document form = Jsoup.parse(multiline.body());
        assertThat(form.select("#probleme")).isEmpty();
        assertThat(form.select(".error-summary")).isNotEmpty();
        assertThat(form.select("textarea#contexte").text()).contains("Second paragraphe");
    }

    @Test
    void the_text_fields_of_an_upload_form_follow_the_same_rules() throws Exception {
        WebSession organiser = organiser();
        int resources = demoDay().resources().size();
        HttpResponse<String> response = organiser.uploadForm("/admin/journees/Z20IN001", "/admin/journees/Z20IN001/fichiers",
                Map.of("titreFichier", "Plan\u0000d'accès", "genreFichier", "DOCUMENT", "visibiliteFichier", "PUBLIC"),
                "fichier", "plan.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(frenchPage(response, 400).select("#probleme").text()).startsWith("Le champ « titreFichier » contient");
        assertThat(demoDay().resources()).hasSize(resources);
    }

    @Test
    void the_rules_of_acceptable_text() {
        assertThat(InputFilter.acceptable("Évry-Courcouronnes, 25 juin\t2020\r\n🎉 \u202Eمرحبا")).isTrue();
        assertThat(InputFilter.acceptable("a\u0000b")).isFalse();
        assertThat(InputFilter.acceptable("a\u0007b")).isFalse();
        assertThat(InputFilter.acceptable("a\u007fb")).isFalse();
        assertThat(InputFilter.acceptable("a\u0085b")).isFalse();
        assertThat(InputFilter.acceptable("a\uffffb")).isFalse();
        assertThat(InputFilter.acceptable("a\ud83cb")).isFalse();
        assertThat(InputFilter.acceptable("a\udf89b")).isFalse();
        assertThat(InputFilter.problem("titre", new String[] {"x".repeat(InputFilter.MAX_VALUE)})).isNull();
        assertThat(InputFilter.problem("titre", new String[] {"x".repeat(InputFilter.MAX_VALUE + 1)}))
                .isEqualTo(new InputFilter.Problem("input.error.tooLong", "titre"));
    }

    @Test
    void wrong_methods_and_missing_or_mistyped_parameters_get_french_pages() throws Exception {
        WebSession organiser = organiser();
        Document missing = frenchPage(organiser.get("/admin/journees/Z20IN001/etat"), 400);
        assertThat(missing.select("h1").text()).isEqualTo("Demande incorrecte");
        frenchPage(organiser.get("/admin/journees/Z20IN001/retirer?quoi=RESOURCE&rang=abc"), 400);
        frenchPage(organiser.get("/admin/journees/Z20IN001/retirer?quoi=RESOURCE&rang=-1"), 404);
        frenchPage(organiser.get("/admin/journees/Z20IN001/retirer?quoi=NOPE&rang=0"), 400);
        frenchPage(organiser.get("/admin/journees/Z20IN001/retirer?quoi=CONTACT&rang=99999999999999999999"), 400);
        HttpResponse<String> posted = organiser.submit("/admin/journees/Z20IN001", "/accessibilite", Map.of());
        assertThat(frenchPage(posted, 405).select("h1").text()).isEqualTo("Demande incorrecte");
        int resources = demoDay().resources().size();
        HttpResponse<String> negative = organiser.submit("/admin/journees/Z20IN001", "/admin/journees/Z20IN001/retirer",
                Map.of("quoi", "RESOURCE", "rang", "-1"));
        frenchPage(negative, 404);
        assertThat(demoDay().resources()).hasSize(resources);
    }

    @Test
    void what_the_database_refuses_is_a_400_page_and_saves_nothing() throws Exception {
        WebSession organiser = organiser();
        int contacts = contacts();
        // 5 000 characters pass the forms' common cap; the column's bound (V33) refuses them.
        HttpResponse<String> response = organiser.submit("/admin/journees/Z20IN001", "/admin/journees/Z20IN001/contacts",
                Map.of("objet", "PROGRAMME", "nom", "n".repeat(5_000), "courriel", "contact@example.fr"));
        assertThat(frenchPage(response, 400).select("#probleme").text())
                .startsWith("Un des textes saisis est trop long ou contient un caractère qui n'est pas accepté.");
        assertThat(contacts()).isEqualTo(contacts);

        HttpResponse<String> fine = organiser.submit("/admin/journees/Z20IN001", "/admin/journees/Z20IN001/contacts",
                Map.of("objet", "PROGRAMME", "nom", "n".repeat(1_000), "courriel", "contact@example.fr"));
        assertThat(fine.statusCode()).isEqualTo(302);
        assertThat(contacts()).isEqualTo(contacts + 1);
        organiser.submit("/admin/journees/Z20IN001", "/admin/journees/Z20IN001/retirer",
                Map.of("quoi", "CONTACT", "rang", String.valueOf(contacts)));
        assertThat(contacts()).isEqualTo(contacts);
    }

    @Test
    void a_partner_name_or_a_session_code_too_long_is_told_on_its_field() throws Exception {
        WebSession organiser = organiser();
        HttpResponse<String> partner = organiser.submit("/admin/journees/Z20IN001", "/admin/journees/Z20IN001/partenaires",
                Map.of("partenaire", "p".repeat(1_001)));
        assertThat(Jsoup.parse(partner.body()).select("#partenaire-erreur").text())
                .isEqualTo("Le nom de l'organisme compte 1\u202f000 caractères au plus.");
        HttpResponse<String> code = organiser.submit("/admin/journees/nouvelle", "/admin/journees/nouvelle",
                Map.of("code", "Z" + "9".repeat(60), "titre", "Une journée", "date", "2031-01-15"));
        assertThat(Jsoup.parse(code.body()).select("#code-erreur").text())
                .isEqualTo("Le code session compte 40 caractères au plus, par exemple Z20IN 001.");
        assertThat(days.find(SessionCode.slugOf("Z" + "9".repeat(60)))).isEmpty();
        // The form says so before sending.
        assertThat(organiser.page("/admin/journees/nouvelle").select("input#titre").attr("maxlength")).isEqualTo("1000");
        assertThat(organiser.page("/admin/journees/nouvelle").select("textarea#contexte").attr("maxlength"))
                .isEqualTo("20000");
    }

    private Day demoDay() {
        return days.find("Z20IN001").orElseThrow();
    }

    private int contacts() {
        return demoDay().contacts().size();
    }

    private int registrationsOfTheDemoDay() {
        return registrations.ofDay(demoDay().id()).size();
    }

    private WebSession organiser() throws Exception {
        if (!accounts.emailTaken("erreurs.pages@cnfpt.fr")) {
            accounts.create(new NewAccount("erreurs.pages@cnfpt.fr", "Pages d'erreur", Role.ORGANISER, null, PASSWORD));
        }
        WebSession session = new WebSession(port);
        session.signIn("erreurs.pages@cnfpt.fr", PASSWORD);
        return session;
    }

    private static Map<String, String> with(Map<String, String> fields, String name, String value) {
        Map<String, String> all = new java.util.LinkedHashMap<>(fields);
        all.put(name, value);
        return all;
    }
}
