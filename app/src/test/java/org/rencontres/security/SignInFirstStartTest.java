package org.rencontres.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** On a fresh install the sign-in page says how to create the first administrator; once one exists, it says nothing of it. */
@RencontresIntegrationTest
class SignInFirstStartTest {

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    @Test
    void without_an_administrator_the_sign_in_page_says_how_to_create_one_and_never_shows_the_link() throws Exception {
        // The shared database may hold administrators of other tests: they are set aside for this test.
        List<Long> administrators = jdbc.sql("SELECT id FROM account WHERE role = 'ADMINISTRATOR' AND enabled")
                .query(Long.class).list();
        jdbc.sql("UPDATE account SET enabled = false WHERE id = ANY(?)").param(administrators.toArray(Long[]::new)).update();
        try {
            assertThat(accounts.hasAdministrator()).isFalse();
            Document page = new WebSession(port).page("/connexion");
            String text = page.select("#premier-demarrage").text();
            assertThat(text).contains("Aucun compte administrateur n'existe encore",
                    "No administrator yet. Create the first one within 24 hours at:",
                    "RENCONTRES_ADMIN_EMAIL", "RENCONTRES_ADMIN_PASSWORD");
            assertThat(page.html()).doesNotContain("jeton=");
            assertThat(page.select("form[action=/connexion]")).hasSize(1);
        } finally {
            jdbc.sql("UPDATE account SET enabled = true WHERE id = ANY(?)").param(administrators.toArray(Long[]::new)).update();
        }
    }

    @Test
    void with_an_administrator_the_sign_in_page_is_only_the_form() throws Exception {
        if (!accounts.hasAdministrator()) {
            accounts.create(new NewAccount("admin.premier." + System.nanoTime() + "@cnfpt.fr", "Administrateur",
                    Role.ADMINISTRATOR, null, "correct horse battery staple"));
        }
        Document page = new WebSession(port).page("/connexion");
        assertThat(page.select("#premier-demarrage")).isEmpty();
        assertThat(page.text()).doesNotContain("RENCONTRES_ADMIN_EMAIL");
        assertThat(page.select("form[action=/connexion]")).hasSize(1);
    }
}
