package org.rencontres.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.audit.AuditEntry;
import org.rencontres.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on against a real OpenID Connect issuer ({@link TestIssuer}, Spring Authorization Server) in
 * the test JVM: the visitor follows every redirect over real HTTP, signs in at the issuer's own form, and
 * comes back to the application signed in, or refused with a message. This application context has single
 * sign-on on, one allowed domain, and local passwords off.
 */
@RencontresIntegrationTest
class SingleSignOnTest {

    private static final String DOMAIN = "ministere-sso.test";
    private static final TestIssuer ISSUER = new TestIssuer();

    @DynamicPropertySource
    static void singleSignOn(DynamicPropertyRegistry properties) {
        properties.add("rencontres.sso.issuer-uri", ISSUER::uri);
        properties.add("rencontres.sso.client-id", () -> TestIssuer.CLIENT_ID);
        properties.add("rencontres.sso.client-secret", () -> TestIssuer.CLIENT_SECRET);
        properties.add("rencontres.sso.display-name", () -> "Se connecter avec ProConnect");
        properties.add("rencontres.sso.allowed-domains", () -> DOMAIN + ", autre-" + DOMAIN);
        properties.add("rencontres.sso.local-passwords", () -> "false");
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired AuditTrail audit;

    @BeforeEach
    void comeBackHere() {
        ISSUER.redirectTo("http://localhost:" + port + "/login/oauth2/code/sso");
    }

    private static String unique(String name, String domain) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@" + domain;
    }

    private Account account(String email) {
        return accounts.create(new NewAccount(email, "Agent " + email, Role.ORGANISER, null, "un mot de passe local long"));
    }

    @Test
    void a_known_account_signs_in_at_the_issuer_with_pkce_and_lands_in_the_back_office() throws Exception {
        String email = unique("claire", DOMAIN);
        account(email);
        ISSUER.person(email, true);
        Visitor visitor = new Visitor();

        HttpResponse<String> toIssuer = visitor.get(app("/oauth2/authorization/sso"));
        String authorize = toIssuer.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(ISSUER.uri() + "/oauth2/authorize?")
                .contains("code_challenge_method=S256").contains("code_challenge=").contains("nonce=");

        HttpResponse<String> landed = visitor.signInAtIssuer(toIssuer, email);

        assertThat(landed.headers().firstValue("Location")).hasValue(app("/admin"));
        HttpResponse<String> home = visitor.get(app("/admin"));
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(home.body()).select(".signout").text()).contains("Agent " + email);
        assertThat(visitor.get(app("/admin/comptes")).statusCode()).as("role given by an administrator only")
                .isEqualTo(403);
        assertThat(audit.ofSignIns(50)).anyMatch(e -> e.actor().equals(email) && e.action().equals("sso-sign-in"));
    }

    @Test
    void an_address_with_no_account_is_refused_with_a_message_and_audited() throws Exception {
        String email = unique("inconnu", DOMAIN);
        ISSUER.person(email, true);

        Visitor visitor = new Visitor();
        HttpResponse<String> landed = visitor.signInAtIssuer(visitor.get(app("/oauth2/authorization/sso")), email);

        assertRefused(visitor, landed, "unknown",
                "Aucun compte n'est ouvert pour cette adresse\u00a0: demandez à un administrateur.");
        assertThat(accounts.findByEmail(email)).as("never created automatically").isEmpty();
        assertThat(audit.ofSignIns(50)).anyMatch(e -> e.actor().equals(email) && e.action().equals("sso-refused")
                && e.details().equals("no account"));
    }

    @Test
    void a_disabled_account_is_refused() throws Exception {
        String email = unique("partie", DOMAIN);
        Account account = account(email);
        jdbcDisable(account);
        ISSUER.person(email, true);

        Visitor visitor = new Visitor();
        HttpResponse<String> landed = visitor.signInAtIssuer(visitor.get(app("/oauth2/authorization/sso")), email);

        assertRefused(visitor, landed, "disabled", "Ce compte est désactivé");
    }

    @Test
    void an_address_outside_the_allowed_domains_is_refused_even_with_an_account() throws Exception {
        String email = unique("dehors", "ailleurs.test");
        account(email);
        ISSUER.person(email, true);

        Visitor visitor = new Visitor();
        HttpResponse<String> landed = visitor.signInAtIssuer(visitor.get(app("/oauth2/authorization/sso")), email);

        assertRefused(visitor, landed, "domain", "Les adresses de ce domaine ne peuvent pas se connecter ici");
    }

    @Test
    void an_address_the_issuer_has_not_verified_is_refused() throws Exception {
        String email = unique("douteux", "autre-" + DOMAIN);
        account(email);
        ISSUER.person(email, false);

        Visitor visitor = new Visitor();
        HttpResponse<String> landed = visitor.signInAtIssuer(visitor.get(app("/oauth2/authorization/sso")), email);

        assertRefused(visitor, landed, "unverified", "n'a pas confirmé votre adresse électronique");
    }

    @Test
    void with_local_passwords_off_the_form_is_gone_and_a_password_post_is_refused() throws Exception {
        String email = unique("motdepasse", DOMAIN);
        account(email);
        WebSession session = new WebSession(port);

        Document signIn = session.page("/connexion");
        assertThat(signIn.select("input[type=password]")).isEmpty();
        assertThat(signIn.select("a[href=/oauth2/authorization/sso]").text()).isEqualTo("Se connecter avec ProConnect");

        // The sign-in page has no form left: the session's CSRF token is taken from another page's form.
        HttpResponse<String> refused = session.submit("/service-formation", "/connexion", Map.of("courriel", email,
                "motdepasse", "un mot de passe local long"));
        assertThat(WebSession.location(refused)).isEqualTo("/connexion?sansmotdepasse");
        assertThat(session.get("/admin").statusCode()).isEqualTo(302);
        assertThat(session.page("/connexion?sansmotdepasse").select("[role=alert]").text())
                .contains("La connexion par mot de passe est désactivée");
    }

    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private void jdbcDisable(Account account) {
        jdbc.sql("UPDATE account SET enabled = FALSE WHERE id = ?").param(account.id()).update();
    }

    private void assertRefused(Visitor visitor, HttpResponse<String> landed, String why, String message)
            throws Exception {
        assertThat(landed.headers().firstValue("Location")).hasValue(app("/connexion?sso=" + why));
        HttpResponse<String> page = visitor.get(app("/connexion?sso=" + why));
        assertThat(Jsoup.parse(page.body()).select("[role=alert]").text().replace('\u00a0', ' '))
                .contains(message.replace('\u00a0', ' '));
        HttpResponse<String> backOffice = visitor.get(app("/admin"));
        assertThat(backOffice.statusCode()).isEqualTo(302);
        assertThat(backOffice.headers().firstValue("Location").orElseThrow()).endsWith("/connexion");
    }

    private String app(String path) {
        return "http://localhost:" + port + path;
    }

    /** A browser's worth of HTTP: cookies per site, redirects followed by hand so that each can be looked at. */
    private final class Visitor {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String uri) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(uri)).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String uri, Map<String, String> fields) throws Exception {
            String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(URI.create(uri)).header("Accept", "text/html")
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** Follows redirects while they stay at the issuer; returns the first answer that is not one of them. */
        HttpResponse<String> atIssuer(HttpResponse<String> response) throws Exception {
            while (response.statusCode() / 100 == 3) {
                URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
                if (!next.toString().startsWith(ISSUER.uri())) {
                    return response;
                }
                response = get(next.toString());
            }
            return response;
        }

        /**
         * From the application's redirect to the issuer: the issuer's sign-in form, filled in, and back to the
         * application's callback; returns the application's answer to the callback.
         */
        HttpResponse<String> signInAtIssuer(HttpResponse<String> toIssuer, String email) throws Exception {
            HttpResponse<String> form = atIssuer(toIssuer);
            assertThat(form.statusCode()).as("the issuer's sign-in page").isEqualTo(200);
            Document page = Jsoup.parse(form.body(), form.uri().toString());
            HttpResponse<String> afterForm = post(page.select("form").first().absUrl("action"), Map.of(
                    "username", email, "password", TestIssuer.PASSWORD,
                    "_csrf", page.select("input[name=_csrf]").attr("value")));
            HttpResponse<String> back = atIssuer(afterForm);
            String callback = back.uri().resolve(back.headers().firstValue("Location").orElseThrow()).toString();
            assertThat(callback).startsWith(app("/login/oauth2/code/sso?"));
            return get(callback);
        }
    }
}
