package org.rencontres.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** New passwords: long enough, at most bcrypt's 72 bytes, hard to guess; each refusal says why and what to do. */
@RencontresIntegrationTest
class PasswordPolicyTest {

    private static final String PASSWORD = "lanterne cobalt mirabelle quai";

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired PasswordPolicy policy;

    private String problem(String password) {
        return policy.problem(password, List.of("Claire Martin", "claire.martin@cnfpt.fr"), Locale.FRENCH).orElse(null);
    }

    @Test
    void weak_passwords_are_refused_with_the_reason_and_strong_ones_accepted() {
        assertThat(problem(" ".repeat(12))).startsWith("Ce mot de passe est trop facile à deviner. Une répétition")
                .endsWith("Choisissez par exemple quatre ou cinq mots sans rapport entre eux, ou une phrase que vous seul connaissez.");
        assertThat(problem("motdepasse123")).startsWith("Ce mot de passe est trop facile à deviner.");
        assertThat(problem("azertyuiop123")).startsWith("Ce mot de passe est trop facile à deviner.");
        assertThat(problem("Password1234")).contains("Il ressemble à un mot de passe courant.");
        assertThat(problem("claire.martin2026")).startsWith("Ce mot de passe est trop facile à deviner.");
        assertThat(problem("court")).isEqualTo("Le mot de passe doit compter au moins 12 caractères.");
        assertThat(problem("é".repeat(37))).startsWith("Le mot de passe est trop long\u00a0: 72 octets au plus");

        assertThat(problem(PASSWORD)).isNull();
        assertThat(problem("girafe pluvieuse sous le kiosque")).isNull();
        assertThat(problem("é".repeat(6) + " kiosque bleu x9")).isNull();
    }

    @Test
    void an_administrator_opening_an_account_is_told_why_a_password_is_refused() throws Exception {
        accounts.create(new NewAccount("admin.politique@cnfpt.fr", "Admin", Role.ADMINISTRATOR, null, PASSWORD));
        WebSession admin = new WebSession(port).withHeader("X-Forwarded-For", "198.51.100.90");
        admin.signIn("admin.politique@cnfpt.fr", PASSWORD);
        Map<String, String> base = Map.of("nom", "Jeanne Faible", "courriel", "jeanne.faible@cnfpt.fr", "role", "ORGANISER");

        for (String weak : List.of(" ".repeat(12), "é".repeat(37), "x".repeat(500))) {
            Map<String, String> fields = new java.util.HashMap<>(base);
            fields.put("motdepasse", weak);
            fields.put("confirmation", weak);
            HttpResponse<String> refused = admin.submit("/admin/comptes", "/admin/comptes", fields);
            assertThat(refused.statusCode()).isEqualTo(200);
            Document page = Jsoup.parse(refused.body());
            assertThat(page.select("#motdepasse-erreur").text()).isNotBlank();
            assertThat(page.select("#motdepasse").attr("aria-describedby")).isEqualTo("motdepasse-aide motdepasse-erreur");
            assertThat(accounts.emailTaken("jeanne.faible@cnfpt.fr")).isFalse();
        }

        Map<String, String> fields = new java.util.HashMap<>(base);
        fields.put("motdepasse", PASSWORD);
        fields.put("confirmation", PASSWORD);
        assertThat(WebSession.location(admin.submit("/admin/comptes", "/admin/comptes", fields))).isEqualTo("/admin/comptes");
        assertThat(accounts.emailTaken("jeanne.faible@cnfpt.fr")).isTrue();
    }
}
