package org.rencontres.writing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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

/**
 * The « Nouveau document » form of the back office starts with an empty title (it once showed the page's
 * own {@code <title th:text=…>} source), and a refused form keeps what the organiser typed.
 */
@RencontresIntegrationTest
class NewDocumentFormTest {

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Programmes programmes;
    @Autowired Workshops workshops;
    @Autowired Registrations registrations;
    @Autowired Accounts accounts;

    @Test
    void the_title_field_starts_empty_and_keeps_what_was_typed() throws Exception {
        WritingFixture fixture = WritingFixture.create(days, programmes, workshops, registrations, accounts, 1);
        WebSession organiser = new WebSession(port);
        organiser.signIn(fixture.organiserEmail(), WritingFixture.PASSWORD);
        String base = "/admin/journees/" + fixture.slug() + "/ecriture";

        Document list = organiser.page(base);
        System.out.println("TITRE=[" + list.select("input#titre").outerHtml() + "]");
        assertThat(list.select("input#titre")).hasSize(1);
        assertThat(list.select("input#titre").attr("value")).isEmpty();

        HttpResponse<String> refused = organiser.submit(base, base, Map.of("titre", "Synthèse <b>finale</b>", "modele", "POEME"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.body()).select("input#titre").attr("value")).isEqualTo("Synthèse <b>finale</b>");
    }
}
