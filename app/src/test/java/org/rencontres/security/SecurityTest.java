package org.rencontres.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sign-in, roles, the one-time set-up link, the lock after repeated failures, CSRF. */
@RencontresIntegrationTest
class SecurityTest {

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired SetupTokens tokens;
    @Autowired JdbcClient jdbc;

    private static final String PASSWORD = "correct horse battery";

    private Account organiser(String email, String unit) {
        return accounts.create(new NewAccount(email, "Organisatrice " + email, Role.ORGANISER, unit, PASSWORD));
    }

    @Test
    void the_back_office_sends_anonymous_visitors_to_the_sign_in_page() throws Exception {
        WebSession visitor = new WebSession(port);
        for (String path : new String[] {"/admin", "/admin/comptes"}) {
            HttpResponse<String> response = visitor.get(path);
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(WebSession.location(response)).isEqualTo("/connexion");
        }
        Document signIn = visitor.page("/connexion");
        assertThat(signIn.select("label[for=courriel]").text()).isEqualTo("Adresse électronique");
        assertThat(signIn.select("input[name=_csrf]")).hasSize(1);
    }

    @Test
    void an_organiser_signs_in_with_a_new_session_id_and_out_again() throws Exception {
        organiser("claire.martin@cnfpt.fr", null);
        WebSession session = new WebSession(port);
        session.get("/connexion");
        String before = session.sessionId();

        HttpResponse<String> signedIn = session.signIn("Claire.Martin@cnfpt.fr", PASSWORD);

        assertThat(WebSession.location(signedIn)).isEqualTo("/admin");
        assertThat(session.sessionId()).isNotNull().isNotEqualTo(before);
        Document home = session.page("/admin?q=Z20IN001");   // the home is paged, upcoming first: the 2020 day by its code
        assertThat(home.select("h1").text()).isEqualTo("Vos journées");
        assertThat(home.select(".signout").text()).contains("Organisatrice claire.martin@cnfpt.fr");
        assertThat(home.select("td.session-code").eachText()).contains("Z20IN 001");
        assertThat(session.get("/admin/comptes").statusCode()).isEqualTo(403);

        HttpResponse<String> out = session.submit("/admin", "/deconnexion", Map.of());
        assertThat(WebSession.location(out)).isEqualTo("/connexion?deconnecte");
        assertThat(session.get("/admin").statusCode()).isEqualTo(302);
    }

    @Test
    void an_organiser_of_a_unit_sees_only_that_units_days() throws Exception {
        organiser("paul.durand@cnfpt.fr", "INSET de Montpellier");
        WebSession session = new WebSession(port);
        session.signIn("paul.durand@cnfpt.fr", PASSWORD);
        assertThat(session.page("/admin?q=Z20IN001").select("td.session-code").eachText()).doesNotContain("Z20IN 001");

        organiser("lea.roux@cnfpt.fr", "inset de nancy");
        WebSession nancy = new WebSession(port);
        nancy.signIn("lea.roux@cnfpt.fr", PASSWORD);
        assertThat(nancy.page("/admin?q=Z20IN001").select("td.session-code").eachText()).contains("Z20IN 001");
    }

    @Test
    void a_wrong_password_says_so_and_five_in_a_row_lock_that_account_from_that_address_only() throws Exception {
        organiser("bloque@cnfpt.fr", null);
        WebSession session = new WebSession(port).withHeader("X-Forwarded-For", "198.51.100.7");
        HttpResponse<String> wrong = session.signIn("bloque@cnfpt.fr", "not the password");
        assertThat(WebSession.location(wrong)).isEqualTo("/connexion?erreur");
        assertThat(session.page("/connexion?erreur").select("[role=alert]").text())
                .isEqualTo("Adresse électronique ou mot de passe incorrect.");
        for (int i = 1; i < SignInAttempts.PAIR_LIMIT; i++) {
            session.signIn("bloque@cnfpt.fr", "not the password");
        }
        HttpResponse<String> locked = session.signIn("bloque@cnfpt.fr", PASSWORD);
        assertThat(WebSession.location(locked)).isEqualTo("/connexion?bloque");
        assertThat(session.page("/connexion?bloque").select("[role=alert]").text())
                .contains("bloquée pendant 15 minutes au plus");
        assertThat(session.get("/admin").statusCode()).isEqualTo(302);

        WebSession elsewhere = new WebSession(port).withHeader("X-Forwarded-For", "198.51.100.8");
        assertThat(WebSession.location(elsewhere.signIn("bloque@cnfpt.fr", PASSWORD))).isEqualTo("/admin");
    }

    @Test
    void a_form_without_its_csrf_token_is_refused() throws Exception {
        organiser("csrf@cnfpt.fr", null);
        WebSession session = new WebSession(port);
        session.get("/connexion");
        HttpResponse<String> forged = session.post("/connexion", Map.of("courriel", "csrf@cnfpt.fr", "motdepasse", PASSWORD));
        assertThat(WebSession.location(forged)).isEqualTo("/connexion?expiree");
        HttpResponse<String> again = session.get("/connexion?expiree");
        assertThat(Jsoup.parse(again.body()).select("[role=alert]").text())
                .startsWith("La page de connexion avait expiré : saisissez de nouveau");
        assertThat(again.body()).contains("expiré\u00a0: saisissez");
        assertThat(session.get("/admin").statusCode()).isEqualTo(302);
    }

    @Test
    void the_set_up_link_creates_the_first_administrator_once() throws Exception {
        String token = tokens.issue();
        WebSession session = new WebSession(port);
        String page = "/admin/installation?jeton=" + token;

        HttpResponse<String> invalid = session.submit(page, page, Map.of("nom", "", "courriel", "pas-une-adresse",
                "motdepasse", "court", "confirmation", "court"));
        assertThat(invalid.statusCode()).isEqualTo(200);
        Document errors = Jsoup.parse(invalid.body());
        assertThat(errors.select(".error-summary li").eachText()).containsExactly("Indiquez le nom.",
                "Indiquez une adresse électronique valide, par exemple prenom.nom@collectivite.fr.",
                "Le mot de passe doit compter au moins 12 caractères.");
        assertThat(errors.select("#courriel").attr("aria-invalid")).isEqualTo("true");
        assertThat(errors.select("#courriel").attr("value")).isEqualTo("pas-une-adresse");
        assertThat(errors.select("#motdepasse").attr("value")).isEmpty();
        assertThat(accounts.emailTaken("pas-une-adresse")).isFalse();

        HttpResponse<String> created = session.submit(page, page, Map.of("nom", "Magali Belot",
                "courriel", "magali.belot@cnfpt.fr", "motdepasse", PASSWORD, "confirmation", PASSWORD));
        assertThat(WebSession.location(created)).isEqualTo("/connexion?installe");
        assertThat(session.get(page).statusCode()).isEqualTo(404);
        assertThat(session.get("/admin/installation?jeton=inconnu").statusCode()).isEqualTo(404);

        WebSession admin = new WebSession(port);
        admin.signIn("magali.belot@cnfpt.fr", PASSWORD);
        assertThat(admin.get("/admin/comptes").statusCode()).isEqualTo(200);
        String hash = jdbc.sql("SELECT password_hash FROM account WHERE email = 'magali.belot@cnfpt.fr'")
                .query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(PASSWORD);
    }

    @Test
    void an_administrator_opens_an_organiser_account_and_bad_input_changes_nothing() throws Exception {
        accounts.create(new NewAccount("admin.comptes@cnfpt.fr", "Admin", Role.ADMINISTRATOR, null, PASSWORD));
        WebSession admin = new WebSession(port);
        admin.signIn("admin.comptes@cnfpt.fr", PASSWORD);

        HttpResponse<String> mismatch = admin.submit("/admin/comptes", "/admin/comptes", Map.of("nom", "Jean Petit",
                "courriel", "jean.petit@cnfpt.fr", "role", "ORGANISER", "unite", "INSET de Nancy",
                "motdepasse", PASSWORD, "confirmation", PASSWORD + "!"));
        assertThat(Jsoup.parse(mismatch.body()).select("#confirmation-erreur").text())
                .isEqualTo("La confirmation ne correspond pas au mot de passe.");
        assertThat(accounts.emailTaken("jean.petit@cnfpt.fr")).isFalse();

        HttpResponse<String> ok = admin.submit("/admin/comptes", "/admin/comptes", Map.of("nom", "Jean Petit",
                "courriel", "jean.petit@cnfpt.fr", "role", "ORGANISER", "unite", "INSET de Nancy",
                "motdepasse", PASSWORD, "confirmation", PASSWORD));
        assertThat(WebSession.location(ok)).isEqualTo("/admin/comptes");
        assertThat(admin.page("/admin/comptes").select("[role=status]").text()).isEqualTo("Le compte jean.petit@cnfpt.fr est ouvert.");
        assertThat(accounts.all()).anySatisfy(a -> {
            assertThat(a.email()).isEqualTo("jean.petit@cnfpt.fr");
            assertThat(a.organisingUnit()).isEqualTo("INSET de Nancy");
        });

        HttpResponse<String> duplicate = admin.submit("/admin/comptes", "/admin/comptes", Map.of("nom", "Autre",
                "courriel", "JEAN.PETIT@cnfpt.fr", "role", "ORGANISER", "motdepasse", PASSWORD, "confirmation", PASSWORD));
        assertThat(Jsoup.parse(duplicate.body()).select("#courriel-erreur").text())
                .isEqualTo("Un compte utilise déjà cette adresse électronique.");
    }
}
