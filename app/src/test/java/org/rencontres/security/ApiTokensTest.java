package org.rencontres.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.TestSessions;
import org.rencontres.WebSession;
import org.rencontres.shared.Secrets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Personal access tokens: created on the organiser's account page and shown once, only their SHA-256 stored;
 * listed and revoked there (an administrator revokes anyone's); a request to the organiser API without a token,
 * with an unknown, revoked or expired one gets 401, a write with a READ token 403, too many requests 429 with
 * Retry-After, all as problem+json; the bearer chain makes no session and a signed-in browser's cookie opens
 * nothing there.
 */
@RencontresIntegrationTest
class ApiTokensTest {

    private static final String API = "/api/v1/organisateur/journees/INCONNUE1/inscriptions";

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired ApiTokens tokens;
    @Autowired JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> api(String method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String expiry(int days) {
        return LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(days).toString();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":" + status).contains(detail);
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void a_token_is_shown_once_only_its_hash_is_kept_and_it_authenticates_the_api() throws Exception {
        WebSession organiser = TestSessions.organiser(accounts, port, "jetons.creation@cnfpt.fr", "Nina Jeton", null);
        HttpResponse<String> created = organiser.submit("/admin/jetons", "/admin/jetons",
                Map.of("nom", "Logiciel du service", "portee", "READ", "expiration", expiry(30)));
        assertThat(created.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(created.body());
        String secret = page.select("#secret").attr("value");
        assertThat(secret).matches("rct_[A-Za-z0-9_-]{43}");
        assertThat(page.select("#jeton-cree").text()).contains("Le jeton « Logiciel du service » est créé.")
                .contains("il ne sera plus jamais affiché");

        long accountId = accounts.loadUserByUsername("jetons.creation@cnfpt.fr") instanceof Organiser o ? o.accountId() : -1;
        Map<String, Object> row = jdbc.sql("SELECT * FROM api_token WHERE account_id = ?").param(accountId).query().singleRow();
        assertThat(row.get("token_hash")).isEqualTo(Secrets.sha256Hex(secret));
        assertThat(row.values()).noneSatisfy(v -> assertThat(String.valueOf(v)).contains(secret.substring(4)));
        assertThat(row.get("last_used_at")).isNull();

        // The list page shows the token, never its secret again.
        HttpResponse<String> list = organiser.get("/admin/jetons");
        assertThat(list.body()).doesNotContain(secret.substring(4));
        Document listed = Jsoup.parse(list.body());
        assertThat(listed.select("tbody tr").text()).contains("Logiciel du service").contains("Lecture").contains("Jamais")
                .contains("Actif");

        // It authenticates: the unknown session is a 404 of the API, not a 401.
        HttpResponse<String> used = api("GET", API, secret);
        assertProblem(used, 404, "Cette session ou cette inscription n'existe pas.");
        assertThat(jdbc.sql("SELECT last_used_at IS NOT NULL FROM api_token WHERE account_id = ?").param(accountId)
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT rate_count FROM api_token WHERE account_id = ?").param(accountId)
                .query(Integer.class).single()).isPositive();
        HtmlChecker.assertValid("security-api-tokens", Map.of("created", created.body(), "list", list.body()));
    }

    @Test
    void the_form_refuses_an_expiry_beyond_a_year_a_past_one_and_a_missing_name() throws Exception {
        WebSession organiser = TestSessions.organiser(accounts, port, "jetons.erreurs@cnfpt.fr", "Noé Erreur", null);
        HttpResponse<String> tooLate = organiser.submit("/admin/jetons", "/admin/jetons",
                Map.of("nom", "", "portee", "WRITE", "expiration", expiry(400)));
        Document page = Jsoup.parse(tooLate.body());
        assertThat(page.select("#expiration-erreur").text())
                .isEqualTo("Indiquez un dernier jour de validité entre demain et dans un an.");
        assertThat(page.select("#nom-erreur").text()).isEqualTo("Indiquez un nom de jeton de 80 caractères au plus.");
        assertThat(page.select("#secret")).isEmpty();
        HttpResponse<String> past = organiser.submit("/admin/jetons", "/admin/jetons",
                Map.of("nom", "Hier", "portee", "WRITE", "expiration", expiry(0)));
        assertThat(Jsoup.parse(past.body()).select("#expiration-erreur").text()).isNotEmpty();
        HttpResponse<String> inAYear = organiser.submit("/admin/jetons", "/admin/jetons",
                Map.of("nom", "Un an", "portee", "WRITE", "expiration",
                        LocalDate.now(ZoneId.of("Europe/Paris")).plusYears(1).toString()));
        assertThat(Jsoup.parse(inAYear.body()).select("#secret").attr("value")).startsWith("rct_");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM api_token t JOIN account a ON a.id = t.account_id WHERE a.email = ?""")
                .param("jetons.erreurs@cnfpt.fr").query(Long.class).single()).isEqualTo(1);
        HtmlChecker.assertValid("security-api-tokens-errors", Map.of("errors", tooLate.body()));
    }

    @Test
    void without_a_token_or_with_an_unknown_revoked_or_expired_one_the_api_answers_401() throws Exception {
        Account account = accounts.create(new NewAccount("jetons.refus@cnfpt.fr", "Rémi Refus", Role.ORGANISER, null,
                TestSessions.PASSWORD));
        assertProblem(api("GET", API, null), 401, "demande un jeton");
        assertThat(api("GET", API, null).headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"rencontres\"");
        assertProblem(api("GET", API, "rct_" + Secrets.randomKey(32)), 401, "Ce jeton n'est pas reconnu");

        ApiTokens.Issued expired = tokens.create(account.id(), "Ancien", ApiTokenScope.READ,
                LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(3));
        assertThat(api("GET", API, expired.secret()).statusCode()).isEqualTo(404);
        jdbc.sql("UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = ?")
                .param(expired.token().id()).update();
        assertProblem(api("GET", API, expired.secret()), 401, "Ce jeton a expiré");

        // A signed-in browser's session cookie authenticates nothing on the API.
        WebSession browser = new WebSession(port);
        browser.signIn("jetons.refus@cnfpt.fr", TestSessions.PASSWORD);
        assertThat(browser.get("/admin").statusCode()).isEqualTo(200);
        assertThat(browser.get(API).statusCode()).isEqualTo(401);

        // Revoked from the account page, after a confirmation page.
        ApiTokens.Issued revoked = tokens.create(account.id(), "À révoquer", ApiTokenScope.WRITE,
                LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(3));
        assertThat(api("GET", API, revoked.secret()).statusCode()).isEqualTo(404);
        String confirm = "/admin/jetons/" + revoked.token().id() + "/revocation";
        Document question = browser.page(confirm);
        assertThat(question.select("main").text()).contains("Révoquer le jeton « À révoquer » du compte Rémi Refus ?");
        HttpResponse<String> done = browser.submit(confirm, confirm, Map.of());
        assertThat(WebSession.location(done)).isEqualTo("/admin/jetons");
        assertThat(browser.page("/admin/jetons").select("[role=status]").text())
                .isEqualTo("Le jeton « À révoquer » est révoqué.");
        assertProblem(api("GET", API, revoked.secret()), 401, "Ce jeton a été révoqué.");
        HtmlChecker.assertValid("security-api-token-revoke", Map.of("confirm", question.outerHtml()));
    }

    @Test
    void a_read_token_may_not_write_and_a_token_over_its_rate_gets_429_with_retry_after() throws Exception {
        Account account = accounts.create(new NewAccount("jetons.portee@cnfpt.fr", "Paule Portée", Role.ORGANISER, null,
                TestSessions.PASSWORD));
        ApiTokens.Issued read = tokens.create(account.id(), "Lecture", ApiTokenScope.READ,
                LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(3));
        ApiTokens.Issued write = tokens.create(account.id(), "Écriture", ApiTokenScope.WRITE,
                LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(3));
        assertProblem(api("POST", API + "/1/confirmer", read.secret()), 403, "il faut un jeton de portée");
        assertThat(api("POST", API + "/1/confirmer", write.secret()).statusCode()).isEqualTo(404);

        // Counted in PostgreSQL: a count of 600 in the current minute (as other instances would have made it)
        // refuses the next request. Tried again should the minute turn between the update and the request.
        HttpResponse<String> limited = null;
        for (int attempt = 0; attempt < 3 && (limited == null || limited.statusCode() != 429); attempt++) {
            jdbc.sql("UPDATE api_token SET rate_window = date_trunc('minute', now()), rate_count = 600 WHERE id = ?")
                    .param(read.token().id()).update();
            limited = api("GET", API, read.secret());
        }
        assertProblem(limited, 429, "Trop de demandes avec ce jeton");
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        // The other token has its own count.
        assertThat(api("GET", API, write.secret()).statusCode()).isEqualTo(404);
        // A new minute starts a new count.
        jdbc.sql("UPDATE api_token SET rate_window = date_trunc('minute', now()) - interval '1 minute' WHERE id = ?")
                .param(read.token().id()).update();
        assertThat(api("GET", API, read.secret()).statusCode()).isEqualTo(404);
    }

    @Test
    void an_administrator_revokes_anyones_token_an_organiser_only_their_own() throws Exception {
        Account owner = accounts.create(new NewAccount("jetons.proprio@cnfpt.fr", "Olga Proprio", Role.ORGANISER, null,
                TestSessions.PASSWORD));
        ApiTokens.Issued token = tokens.create(owner.id(), "Intranet", ApiTokenScope.READ,
                LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(3));
        String confirm = "/admin/jetons/" + token.token().id() + "/revocation";

        WebSession other = TestSessions.organiser(accounts, port, "jetons.autre@cnfpt.fr", "Otto Autre", null);
        assertThat(other.get(confirm).statusCode()).isEqualTo(404);
        assertThat(other.page("/admin/jetons").text()).doesNotContain("Intranet");
        other.submit("/admin/jetons", confirm, Map.of());
        assertThat(api("GET", API, token.secret()).statusCode()).isEqualTo(404);

        accounts.create(new NewAccount("jetons.admin@cnfpt.fr", "Ada Admin", Role.ADMINISTRATOR, null,
                TestSessions.PASSWORD));
        WebSession admin = new WebSession(port);
        admin.signIn("jetons.admin@cnfpt.fr", TestSessions.PASSWORD);
        assertThat(admin.page("/admin/jetons").select("#jeton-" + token.token().id()).text())
                .contains("Intranet").contains("Olga Proprio");
        admin.submit(confirm, confirm, Map.of());
        assertProblem(api("GET", API, token.secret()), 401, "Ce jeton a été révoqué.");
        assertThat(jdbc.sql("SELECT revoked_by FROM api_token WHERE id = ?").param(token.token().id())
                .query(String.class).single()).isEqualTo("Ada Admin");
    }
}
