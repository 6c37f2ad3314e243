package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.event.DayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public request form creates no HTTP session (its CSRF token is in a cookie of its own, so no session row
 * is written to PostgreSQL per visitor), and still refuses a forged POST: no token, a wrong one, a token
 * without its cookie, a token with another visitor's cookie. The back office keeps its token in the session.
 */
@RencontresIntegrationTest
class PublicFormCsrfTest {

    private static final String FORM_COOKIE = "RENCONTRES-FORMULAIRE";

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired JdbcClient jdbc;

    private long dayId;
    private String form;

    @BeforeEach
    void aPublishedDayToCome() {
        long n = System.nanoTime() % 100_000_000;
        String code = "ZCSF " + n;
        dayId = days.create(new DayDraft(new SessionCode(code), "Journée sans session", null, null,
                List.of(new SessionDayDraft(LocalDate.of(2031, 6, 12), LocalTime.of(9, 0), LocalTime.of(17, 0))),
                "Une journée de test.", null, null, null, false, null, "INSET des formulaires " + n,
                null, List.of(), List.of(), List.of()));
        days.changeStatus(dayId, DayStatus.PUBLISHED);
        form = "/journees/" + new SessionCode(code).slug() + "/inscription";
    }

    private static Map<String, String> fields(String email) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("nom", "Sanssession");
        f.put("prenom", "Inès");
        f.put("courriel", email);
        f.put("telephone", "01 60 79 74 00");
        f.put("fonction", "Chargée de mission");
        f.put("employeur", "Commune de Nulle-Part-sur-Test");
        f.put("responsable", "");
        f.put("repas", "");
        f.put("accessibilite", "");
        f.put("consentement", "oui");
        f.put("siteWeb", "");
        return f;
    }

    private static List<String> setCookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie");
    }

    private long sessionRows() {
        return jdbc.sql("SELECT count(*) FROM spring_session").query(Long.class).single();
    }

    /** A client that sends exactly the cookie header given (a forger's: it cannot read or set the visitor's cookies). */
    private HttpResponse<String> rawPost(String cookie, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + form))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_form_and_its_post_set_no_session_cookie_and_write_no_session() throws Exception {
        long sessionsBefore = sessionRows();
        WebSession visitor = new WebSession(port);
        HttpResponse<String> page = visitor.get(form);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(setCookies(page)).noneMatch(c -> c.startsWith("JSESSIONID="));
        // The token's cookie, set before the page is written (it is a header), limited and out of scripts' reach.
        assertThat(setCookies(page)).singleElement().satisfies(c -> assertThat(c).startsWith(FORM_COOKIE + "=")
                .contains("Path=/journees", "HttpOnly", "SameSite=Lax"));
        String token = Jsoup.parse(page.body()).select("input[name=_csrf]").attr("value");
        assertThat(token).isNotBlank();

        Map<String, String> filled = fields("ines.sanssession@nulle-part.fr");
        filled.put("_csrf", token);
        HttpResponse<String> sent = visitor.post(form, filled);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        assertThat(WebSession.location(sent)).isEqualTo(form + "/confirmation?etat=AWAITING_TRAINING_SERVICE");
        assertThat(setCookies(sent)).noneMatch(c -> c.startsWith("JSESSIONID="));
        HttpResponse<String> confirmation = visitor.get(WebSession.location(sent));
        assertThat(Jsoup.parse(confirmation.body()).select(".registration-state").text())
                .isEqualTo("en attente du service formation");
        assertThat(setCookies(confirmation)).noneMatch(c -> c.startsWith("JSESSIONID="));
        assertThat(visitor.sessionId()).isNull();
        assertThat(registrations.ofDay(dayId)).extracting(Registration::email)
                .containsExactly("ines.sanssession@nulle-part.fr");
        // None of this visitor's requests made a session row (the tests of a run go one at a time).
        assertThat(sessionRows()).isLessThanOrEqualTo(sessionsBefore);
    }

    @Test
    void a_confirmation_address_with_a_state_the_form_cannot_reach_goes_back_to_the_form() throws Exception {
        WebSession visitor = new WebSession(port);
        assertThat(visitor.get(form + "/confirmation?etat=AWAITING_MANAGER").statusCode()).isEqualTo(200);
        for (String state : new String[] {"CONFIRMED", "n'importe quoi", ""}) {
            HttpResponse<String> other = visitor.get(form + "/confirmation?etat=" + URLEncoder.encode(state,
                    StandardCharsets.UTF_8));
            assertThat(other.statusCode()).as(state).isEqualTo(302);
            assertThat(WebSession.location(other)).as(state).isEqualTo(form);
        }
        assertThat(WebSession.location(visitor.get(form + "/confirmation"))).isEqualTo(form);
    }

    @Test
    void a_forged_post_is_refused_and_records_nothing() throws Exception {
        WebSession visitor = new WebSession(port);
        HttpResponse<String> page = visitor.get(form);
        String token = Jsoup.parse(page.body()).select("input[name=_csrf]").attr("value");
        String cookie = setCookies(page).get(0).split(";", 2)[0];
        HttpResponse<String> otherPage = new WebSession(port).get(form);
        String otherCookie = setCookies(otherPage).get(0).split(";", 2)[0];

        // No token, though the visitor's cookie is there (a cross-site form posted by the visitor's browser).
        HttpResponse<String> missing = visitor.post(form, fields("forge.sans.jeton@nulle-part.fr"));
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(missing.body()).select("h1").text()).isEqualTo("La page a expiré");
        // A wrong token.
        Map<String, String> wrong = fields("forge.faux.jeton@nulle-part.fr");
        wrong.put("_csrf", "pas-le-bon-jeton");
        assertThat(visitor.post(form, wrong).statusCode()).isEqualTo(403);
        // The visitor's token without the visitor's cookie, and with another visitor's.
        Map<String, String> stolen = fields("forge.sans.cookie@nulle-part.fr");
        stolen.put("_csrf", token);
        assertThat(rawPost(null, stolen).statusCode()).isEqualTo(403);
        assertThat(rawPost(otherCookie, stolen).statusCode()).isEqualTo(403);
        assertThat(registrations.ofDay(dayId)).isEmpty();

        // The same token with its own cookie is taken: the refusals above were the forgeries'.
        HttpResponse<String> genuine = rawPost(cookie, stolen);
        assertThat(genuine.statusCode()).isEqualTo(302);
        assertThat(registrations.ofDay(dayId)).extracting(Registration::email).containsExactly("forge.sans.cookie@nulle-part.fr");
    }

    @Test
    void the_sign_in_form_keeps_its_token_in_the_session() throws Exception {
        HttpResponse<String> signIn = new WebSession(port).get("/connexion");
        assertThat(setCookies(signIn)).anyMatch(c -> c.startsWith("JSESSIONID="));
        assertThat(setCookies(signIn)).noneMatch(c -> c.startsWith(FORM_COOKIE + "="));
    }
}
