package org.rencontres.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A form sent with a missing or stale CSRF token gets a page that says the page expired and what to do. */
@RencontresIntegrationTest
class ExpiredFormTest {

    private static final String PASSWORD = "lanterne cobalt mirabelle quai";

    @LocalServerPort int port;
    @Autowired Accounts accounts;

    @Test
    void a_form_whose_session_has_ended_says_the_page_expired_and_changes_nothing() throws Exception {
        accounts.create(new NewAccount("page.expiree@cnfpt.fr", "Expirée", Role.ORGANISER, null, PASSWORD));
        WebSession session = new WebSession(port);
        session.signIn("page.expiree@cnfpt.fr", PASSWORD);
        String token = session.page("/admin/mot-de-passe").select("input[name=_csrf]").attr("value");
        // The session ends (signed out elsewhere, or timed out) while the page stays open.
        session.submit("/admin", "/deconnexion", Map.of());

        HttpResponse<String> stale = session.withHeader("Referer", "http://localhost:" + port + "/admin/mot-de-passe")
                .post("/admin/mot-de-passe", Map.of("_csrf", token,
                "actuel", PASSWORD, "motdepasse", "girafe pluvieuse sous le kiosque",
                "confirmation", "girafe pluvieuse sous le kiosque"));
        assertThat(stale.statusCode()).isEqualTo(403);
        Document page = Jsoup.parse(stale.body());
        assertThat(page.select("h1").text()).isEqualTo("La page a expiré");
        assertThat(page.select("main").text()).contains("Rien n'a été enregistré.",
                "Revenez à la page du formulaire, rechargez-la");
        assertThat(page.select("a.expired-back").attr("href")).isEqualTo("/admin/mot-de-passe");
        assertThat(page.text()).doesNotContain("Demande incorrecte");
        assertThat(WebSession.location(new WebSession(port).signIn("page.expiree@cnfpt.fr", PASSWORD))).isEqualTo("/admin");
        HtmlChecker.assertValid("security-expired", Map.of("expired", stale.body()));
    }

    @Test
    void a_public_form_without_token_gets_the_same_page_and_a_link_home() throws Exception {
        HttpResponse<String> missing = new WebSession(port).post("/admin/mot-de-passe", Map.of("actuel", "x"));
        assertThat(missing.statusCode()).isEqualTo(403);
        Document page = Jsoup.parse(missing.body());
        assertThat(page.select("h1").text()).isEqualTo("La page a expiré");
        assertThat(page.select("a.expired-back").attr("href")).isEqualTo("/");
    }

    @Test
    void an_htmx_form_without_token_is_sent_to_the_expired_page() throws Exception {
        HttpResponse<String> missing = new WebSession(port).withHeader("HX-Request", "true")
                .post("/admin/mot-de-passe", Map.of("actuel", "x"));
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(missing.headers().firstValue("HX-Redirect")).hasValue("/page-expiree");
        HttpResponse<String> page = new WebSession(port).get("/page-expiree");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(page.body()).select("h1").text()).isEqualTo("La page a expiré");
    }

    @Test
    void other_refusals_are_not_called_expired() throws Exception {
        accounts.create(new NewAccount("pas.admin@cnfpt.fr", "Pas admin", Role.ORGANISER, null, PASSWORD));
        WebSession organiser = new WebSession(port);
        organiser.signIn("pas.admin@cnfpt.fr", PASSWORD);
        HttpResponse<String> forbidden = organiser.get("/admin/comptes");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(forbidden.body()).select("h1").text()).isNotEqualTo("La page a expiré");
    }
}
