package org.rencontres.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.TestSessions;
import org.rencontres.WebSession;
import org.rencontres.event.Contact;
import org.rencontres.event.DayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.registration.Capacity;
import org.rencontres.registration.Registrations;
import org.rencontres.security.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Public answers over real HTTP (web's {@code PublicCaching}): every kind of anonymous public answer is public with a
 * strong ETag and a Last-Modified, answers conditional requests with 304, sets no cookie and creates no session;
 * the copy kept in memory is the same answer; a change of the session changes the ETag; a signed-in organiser's
 * answer is private; the registration form, which posts, keeps its session and its CSRF check.
 */
@RencontresIntegrationTest
class PublicCachingTest {

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private long dayId;
    private String slug;

    @BeforeEach
    void aPublishedSession() {
        long n = System.nanoTime() % 100_000_000;
        SessionCode code = new SessionCode("ZCAC " + n);
        slug = code.slug();
        dayId = days.create(new DayDraft(code, "Journée des caches " + n, null, null,
                List.of(new SessionDayDraft(LocalDate.now().plusMonths(3), LocalTime.of(9, 0), LocalTime.of(17, 0))),
                "Une journée de test.", null, null, null, false, null, "INSET des caches", null, List.of(), List.of(),
                List.of()));
        days.changeStatus(dayId, DayStatus.PUBLISHED);
        registrations.setCapacity(new Capacity(dayId, 20, 48, false));
    }

    /** Back to draft: this test's sessions do not crowd the catalogue other tests read. */
    @AfterEach
    void unpublish() {
        days.changeStatus(dayId, DayStatus.DRAFT);
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private long sessions() {
        return jdbc.sql("SELECT count(*) FROM spring_session").query(Long.class).single();
    }

    private List<String> publicAddresses() {
        return List.of("/", "/journees/" + slug, "/journees/" + slug + "/agenda.ics",
                "/journees/" + slug + "/plaquette.pdf", "/journees.ics", "/journees.atom", "/api/v1/journees",
                "/api/v1/journees/" + slug);
    }

    @Test
    void every_kind_of_public_answer_is_public_with_a_strong_etag_and_answers_304() throws Exception {
        long sessionsBefore = sessions();
        for (String path : publicAddresses()) {
            HttpResponse<byte[]> first = get(path);
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            assertThat(first.headers().allValues("Cache-Control")).as(path)
                    .containsExactly("public, max-age=30, stale-while-revalidate=60");
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertThat(etag).as(path + ": strong, the bytes' SHA-256").startsWith("\"").doesNotStartWith("W/")
                    .isEqualTo(PublicCaching.etagOf(first.body()));
            String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
            assertThat(first.headers().allValues("Vary")).as(path).anySatisfy(v -> assertThat(v).contains("Cookie"));
            assertThat(first.headers().map()).as(path).doesNotContainKey("set-cookie");

            // The next visitor gets the copy kept in memory: the same bytes and the same headers.
            HttpResponse<byte[]> second = get(path);
            assertThat(second.body()).as(path).isEqualTo(first.body());
            assertThat(second.headers().firstValue("ETag")).as(path).contains(etag);
            for (String header : List.of("Content-Type", "Content-Security-Policy", "X-Frame-Options",
                    "X-Content-Type-Options", "Cache-Control")) {
                assertThat(second.headers().allValues(header)).as(path + " " + header)
                        .isEqualTo(first.headers().allValues(header));
            }

            HttpResponse<byte[]> same = get(path, "If-None-Match", etag);
            assertThat(same.statusCode()).as(path).isEqualTo(304);
            assertThat(same.body()).isEmpty();
            assertThat(same.headers().firstValue("ETag")).as(path).contains(etag);
            assertThat(get(path, "If-Modified-Since", lastModified).statusCode()).as(path).isEqualTo(304);
            assertThat(get(path, "If-None-Match", "\"autre\"").statusCode()).as(path).isEqualTo(200);
            // If-None-Match decides when both are sent (RFC 9110).
            assertThat(get(path, "If-None-Match", "\"autre\"", "If-Modified-Since", lastModified).statusCode())
                    .as(path).isEqualTo(200);
            assertThat(get(path, "If-Modified-Since", "Thu, 01 Jan 2015 00:00:00 GMT").statusCode()).as(path)
                    .isEqualTo(200);
        }
        assertThat(sessions()).as("no session for anonymous visitors").isEqualTo(sessionsBefore);
    }

    @Test
    void a_page_is_sent_gzipped_to_who_accepts_it_with_its_own_etag() throws Exception {
        String path = "/journees/" + slug;
        HttpResponse<byte[]> plain = get(path);
        HttpResponse<byte[]> gzipped = get(path, "Accept-Encoding", "gzip, deflate");
        assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes()).isEqualTo(plain.body());
        String etag = gzipped.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isNotEqualTo(plain.headers().firstValue("ETag").orElseThrow()).endsWith("-gzip\"");
        assertThat(get(path, "Accept-Encoding", "gzip", "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(get(path, "Accept-Encoding", "gzip;q=0").headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void the_etag_changes_when_the_session_changes() throws Exception {
        String path = "/journees/" + slug;
        String before = get(path).headers().firstValue("ETag").orElseThrow();
        assertThat(get(path).headers().firstValue("ETag")).contains(before);

        days.addContact(dayId, new Contact(Contact.Purpose.REGISTRATION, "Inès Caché", "Assistante", null,
                "01 60 79 74 00", "ines.cache@cnfpt.fr"));

        HttpResponse<byte[]> after = get(path, "If-None-Match", before);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(before);
        assertThat(new String(after.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("Inès Caché");
    }

    @Test
    void the_language_cookie_gives_its_own_public_page() throws Exception {
        String path = "/journees/" + slug;
        HttpResponse<byte[]> french = get(path);
        HttpResponse<byte[]> english = get(path, "Cookie", "rencontres-langue=en");
        assertThat(french.headers().firstValue("Content-Language")).contains("fr");
        assertThat(english.headers().firstValue("Content-Language")).contains("en");
        assertThat(english.headers().firstValue("ETag")).isNotEqualTo(french.headers().firstValue("ETag"));
        // Choosing the language sets a cookie: that answer is never public.
        HttpResponse<byte[]> choosing = get(path + "?lang=en");
        assertThat(choosing.headers().firstValue("Set-Cookie")).isPresent();
        assertThat(choosing.headers().allValues("Cache-Control")).containsExactly("private, no-store");
    }

    @Test
    void a_signed_in_organiser_gets_private_answers_on_the_same_addresses() throws Exception {
        WebSession organiser = TestSessions.organiser(accounts, port, "cache" + System.nanoTime() + "@cnfpt.fr",
                "Organisatrice des caches", "INSET des caches");
        for (String path : List.of("/", "/journees/" + slug)) {
            get(path);  // an anonymous visitor's copy is kept in memory: it must not be what the organiser gets
            HttpResponse<String> signedIn = organiser.get(path);
            assertThat(signedIn.statusCode()).as(path).isEqualTo(200);
            assertThat(signedIn.headers().allValues("Cache-Control")).as(path).containsExactly("private, no-store");
            assertThat(signedIn.headers().firstValue("ETag")).as(path).isEmpty();
        }
        assertThat(organiser.get("/journees/" + slug).body()).contains("Se déconnecter");
        assertThat(new String(get("/journees/" + slug).body(), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("Se déconnecter");
    }

    @Test
    void the_registration_form_posts_with_its_csrf_token_and_is_refused_without() throws Exception {
        String form = "/journees/" + slug + "/inscription";
        WebSession visitor = new WebSession(port);
        HttpResponse<String> page = visitor.get(form);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("Cache-Control")).noneMatch(v -> v.contains("public"));
        assertThat(page.headers().firstValue("ETag")).isEmpty();

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("nom", "Martin");
        fields.put("prenom", "Léa");
        fields.put("courriel", "lea.martin" + System.nanoTime() + "@caches.test");
        fields.put("telephone", "01 60 79 74 00");
        fields.put("fonction", "Chargée de formation, DRH");
        fields.put("employeur", "Commune des Caches");
        fields.put("responsable", "");
        fields.put("repas", "");
        fields.put("accessibilite", "");
        fields.put("consentement", "oui");
        fields.put("siteWeb", "");

        Map<String, String> forged = new LinkedHashMap<>(fields);
        forged.put("_csrf", "forged");
        assertThat(new WebSession(port).post(form, forged).statusCode()).isEqualTo(403);
        assertThat(visitor.post(form, fields).statusCode()).as("no token").isEqualTo(403);
        assertThat(registrations.ofDay(dayId)).isEmpty();

        assertThat(visitor.submit(form, form, fields).statusCode()).isEqualTo(302);
        assertThat(registrations.ofDay(dayId)).hasSize(1);
    }
}
