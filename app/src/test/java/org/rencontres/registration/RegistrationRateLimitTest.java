package org.rencontres.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.rencontres.event.DayDraft;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The public form's rate limits with their real values (a context of its own): 50 colleagues behind
 * one public address all register within the hour; one e-mail address used over and over, or more
 * e-mails than the address may send, are refused with when to come back, and nothing is recorded.
 */
@RencontresIntegrationTest
@TestPropertySource(properties = {"rencontres.registration.rate-limit=60",
        "rencontres.registration.rate-limit-per-email=3", "rencontres.registration.rate-window=1h"})
class RegistrationRateLimitTest {

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired JdbcClient jdbc;

    private String slug;
    private long dayId;
    private WebSession visitor;

    @BeforeEach
    void aPublishedDayAndNoRecentSubmission() {
        jdbc.sql("DELETE FROM registration_attempt").update();
        jdbc.sql("DELETE FROM registration_email_attempt").update();
        long n = System.nanoTime() % 100_000_000;
        slug = new SessionCode("ZRTE " + n).slug();
        dayId = days.create(new DayDraft(new SessionCode("ZRTE " + n), "Journée des collègues", null, null, List.of(new SessionDayDraft(LocalDate.of(2031, 6, 12), LocalTime.of(9, 0), LocalTime.of(17, 0))), "Une journée de test.", null, null,
                null, false, null, "INSET des limites " + n, null, List.of(), List.of(), List.of()));
        days.changeStatus(dayId, DayStatus.PUBLISHED);
        visitor = new WebSession(port);
    }

    private HttpResponse<String> send(String email) throws Exception {
        String form = "/journees/" + slug + "/inscription";
        Map<String, String> f = new LinkedHashMap<>();
        f.put("nom", "Collègue");
        f.put("prenom", "Camille");
        f.put("courriel", email);
        f.put("telephone", "01 60 79 74 00");
        f.put("fonction", "Chargée de mission");
        f.put("employeur", "Communauté d'agglomération Grand Paris Sud");
        f.put("responsable", "");
        f.put("repas", "");
        f.put("accessibilite", "");
        f.put("consentement", "oui");
        f.put("siteWeb", "");
        return visitor.submit(form, form, f);
    }

    private int recorded() {
        return registrations.ofDay(dayId).size();
    }

    private static String alert(HttpResponse<String> response) {
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("title").text()).startsWith("Erreur :");
        return page.select("#erreurs[role=alert]").text().replace('\u00a0', ' ');
    }

    @Test
    void fifty_colleagues_register_from_one_address_while_a_flood_is_refused_with_when_to_come_back() throws Exception {
        for (int i = 1; i <= 50; i++) {
            HttpResponse<String> accepted = send("agent" + i + "@grandparissud.fr");
            assertThat(accepted.statusCode()).as("colleague %d", i).isEqualTo(302);
        }
        assertThat(recorded()).isEqualTo(50);

        // One agent's address over and over: the first is recorded, the next two are duplicates, the fourth is refused.
        assertThat(send("Flood@grandparissud.fr").statusCode()).isEqualTo(302);
        assertThat(send("flood@grandparissud.fr").statusCode()).isEqualTo(200);
        assertThat(send("FLOOD@grandparissud.fr").statusCode()).isEqualTo(200);
        HttpResponse<String> sameEmail = send("flood@grandparissud.fr");
        assertThat(sameEmail.statusCode()).isEqualTo(429);
        assertThat(alert(sameEmail)).matches("Trop de demandes ont été envoyées pour cette adresse électronique : "
                + "réessayez à partir de \\d{1,2}h(\\d{2})?( le \\d{1,2} \\p{L}+)?\\. Rien n’a été enregistré\\.");
        long retryAfter = Long.parseLong(sameEmail.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 3600L + 60);
        assertThat(Jsoup.parse(sameEmail.body()).select("#courriel").val()).as("typed values kept")
                .isEqualTo("flood@grandparissud.fr");
        assertThat(recorded()).isEqualTo(51);

        // 53 submissions counted so far: seven more colleagues, then the address has used its 60.
        for (int i = 51; i <= 57; i++) {
            assertThat(send("agent" + i + "@grandparissud.fr").statusCode()).as("colleague %d", i).isEqualTo(302);
        }
        HttpResponse<String> pastTheCap = send("agent58@grandparissud.fr");
        assertThat(pastTheCap.statusCode()).isEqualTo(429);
        assertThat(alert(pastTheCap)).matches("Trop de demandes ont été envoyées depuis votre connexion : "
                + "réessayez à partir de \\d{1,2}h(\\d{2})?( le \\d{1,2} \\p{L}+)?\\. Rien n’a été enregistré\\.");
        assertThat(recorded()).isEqualTo(58);
        assertThat(registrations.ofDay(dayId)).noneMatch(r -> r.email().equals("agent58@grandparissud.fr"));
        // Only a hash of each e-mail address is kept.
        assertThat(jdbc.sql("SELECT count(*) FROM registration_email_attempt WHERE email_hash LIKE '%@%'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void the_training_service_link_is_limited_per_e_mail_too_and_the_refusal_pages_are_valid_html() throws Exception {
        String typed = "formation@grandparissud.fr";
        for (int i = 0; i < 3; i++) {
            assertThat(visitor.submit("/service-formation", "/service-formation", Map.of("courriel", typed)).statusCode())
                    .isEqualTo(200);
        }
        HttpResponse<String> serviceRefused = visitor.submit("/service-formation", "/service-formation",
                Map.of("courriel", typed));
        assertThat(serviceRefused.statusCode()).isEqualTo(429);
        assertThat(alert(serviceRefused)).startsWith("Trop de demandes ont été envoyées pour cette adresse électronique : "
                + "réessayez à partir de ");
        assertThat(Jsoup.parse(serviceRefused.body()).select(".notice")).as("no link said to be sent").isEmpty();

        for (int i = 0; i < 3; i++) {
            send("page@grandparissud.fr");
        }
        HttpResponse<String> formRefused = send("page@grandparissud.fr");
        assertThat(formRefused.statusCode()).isEqualTo(429);
        org.rencontres.HtmlChecker.assertValid("registration-rate-limit",
                Map.of("request-429", formRefused.body(), "service-429", serviceRefused.body()));
    }

    @Test
    void an_ipv6_subscriber_is_counted_by_its_slash_64_network() {
        assertThat(Attempts.addressKey("2001:db8:1:2::a")).isEqualTo(Attempts.addressKey("2001:0db8:0001:0002:ffff:0:0:b"))
                .isEqualTo("20010db800010002::/64");
        assertThat(Attempts.addressKey("2001:db8:1:3::a")).isNotEqualTo(Attempts.addressKey("2001:db8:1:2::a"));
        assertThat(Attempts.addressKey("192.0.2.10")).isEqualTo("192.0.2.10");
        assertThat(Attempts.addressKey("::ffff:192.0.2.10")).isEqualTo("::ffff:192.0.2.10");

        Attempts two = new Attempts(jdbc, Optional.empty(), 2, 100, Duration.ofHours(1));
        assertThat(two.allow("2001:db8:1:2::a", "v6-a@mairie.fr").allowed()).isTrue();
        assertThat(two.allow("2001:db8:1:2:ffff::b", "v6-b@mairie.fr").allowed()).isTrue();
        assertThat(two.allow("2001:db8:1:2::c", "v6-c@mairie.fr").allowed()).as("same /64").isFalse();
        assertThat(two.allow("2001:db8:1:3::a", "v6-c@mairie.fr").allowed()).as("another /64").isTrue();
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void the_limiter_says_when_the_next_submission_is_taken_and_forgets_what_left_the_window() {
        // 9h00 in Paris, on a winter day (UTC+1).
        MovableClock clock = new MovableClock(Instant.parse("2030-01-15T08:00:00Z"));
        Attempts attempts = new Attempts(jdbc, Optional.of(clock), 60, 3, Duration.ofHours(1));
        String office = "198.51.100.7";

        for (int minute : new int[] {0, 10, 20}) {
            clock.now = Instant.parse("2030-01-15T08:00:00Z").plus(Duration.ofMinutes(minute));
            assertThat(attempts.allow(office, "Eloise@Mairie.fr").allowed()).isTrue();
        }
        clock.now = Instant.parse("2030-01-15T08:30:20Z");
        Attempts.Verdict refused = attempts.allow(office, "eloise@mairie.fr ");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.limit()).isEqualTo(Attempts.Limit.EMAIL);
        assertThat(refused.retryAt()).isEqualTo(Instant.parse("2030-01-15T09:00:00Z"));
        assertThat(refused.retryText(clock.now)).isEqualTo("10h");
        assertThat(refused.retryAfterSeconds(clock.now)).isEqualTo(29 * 60 + 40);
        // A colleague at the same office is not held back by it.
        assertThat(attempts.allow(office, "bastien@mairie.fr").allowed()).isTrue();

        // The address's cap: 60 counted, the 61st refused until the first leaves the window; refusals are not counted.
        for (int i = 0; i < 56; i++) {
            assertThat(attempts.allow(office, "agent" + i + "@mairie.fr").allowed()).as("agent %d", i).isTrue();
        }
        Attempts.Verdict full = attempts.allow(office, "agent-en-trop@mairie.fr");
        assertThat(full.allowed()).isFalse();
        assertThat(full.limit()).isEqualTo(Attempts.Limit.ADDRESS);
        assertThat(full.retryAt()).isEqualTo(Instant.parse("2030-01-15T09:00:00Z"));
        assertThat(attempts.allow(office, "agent-en-trop@mairie.fr").allowed()).isFalse();
        assertThat(attempts.allow("203.0.113.9", "agent-en-trop@mairie.fr").allowed()).as("another address").isTrue();

        // 9h00:30 UTC: the first submission left the window, one more is taken, and only one.
        clock.now = Instant.parse("2030-01-15T09:00:30Z");
        assertThat(attempts.allow(office, "agent-suivant@mairie.fr").allowed()).isTrue();
        Attempts.Verdict again = attempts.allow(office, "agent-d-apres@mairie.fr");
        assertThat(again.allowed()).isFalse();
        assertThat(again.retryAt()).isEqualTo(Instant.parse("2030-01-15T09:10:00Z"));

        // Two hours on, a submission from anywhere forgets every address's old ones.
        clock.now = Instant.parse("2030-01-15T11:30:00Z");
        assertThat(attempts.allow("192.0.2.1", "autre@ailleurs.fr").allowed()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM registration_attempt WHERE address = ?").param(office)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM registration_email_attempt").query(Integer.class).single()).isEqualTo(1);
    }
}
