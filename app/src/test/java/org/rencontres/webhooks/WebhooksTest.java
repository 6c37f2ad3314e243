package org.rencontres.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.TestSessions;
import org.rencontres.WebSession;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.registration.Registrations;
import org.rencontres.registration.RequestDraft;
import org.rencontres.security.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks end to end on the real PostgreSQL, with a receiver on this machine: an organiser subscribes on
 * /admin/webhooks, a registration is delivered once with a signature the test recomputes, a receiver that answers
 * 500 gets it again on the retry (time moved by giving the sender its instant), two senders at once post each
 * delivery once, another unit's organiser neither sees nor changes the subscription, and the pages are valid HTML.
 */
@RencontresIntegrationTest
class WebhooksTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Accounts accounts;
    @Autowired WebhookSender sender;
    @Autowired JdbcClient jdbc;

    private long n;
    private String unit;
    private WebSession organiser;

    @BeforeEach
    void anOrganiser() throws Exception {
        n = System.nanoTime() % 100_000_000;
        unit = "INSET des crochets " + n;
        organiser = TestSessions.organiser(accounts, port, "crochets." + n + "@cnfpt.fr", "Chloé Crochets", unit);
    }

    @Test
    void a_registration_is_delivered_once_signed_with_the_secret_shown_once() throws Exception {
        try (Receiver receiver = new Receiver()) {
            long dayId = session("WH1");
            HttpResponse<String> created = organiser.submit("/admin/webhooks", "/admin/webhooks",
                    Map.of("url", receiver.url(), "types", "registration.created"));
            assertThat(created.statusCode()).isEqualTo(302);
            String page = WebSession.location(created);
            String secret = organiser.page(page).select("code.webhook-secret").text();
            assertThat(secret).startsWith("whsec_");
            assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
            assertThat(organiser.page(page).select("code.webhook-secret")).as("shown once").isEmpty();

            long registration = request(dayId, "ada");
            // Not subscribed to registration.changed: the move writes no delivery.
            registrations.advance(registration, "orga@cnfpt.fr", null);
            sender.sendAllDue(Instant.now().plusSeconds(1));
            sender.sendAllDue(Instant.now().plusSeconds(2));

            List<Receiver.Received> got = receiver.received();
            assertThat(got).hasSize(1);
            Receiver.Received r = got.get(0);
            assertThat(r.signature()).isEqualTo(signature(secret, r.id(), r.timestamp(), r.body()));
            assertThat(r.signature()).isNotEqualTo(signature(WebhookSignatures.newSecret(), r.id(), r.timestamp(), r.body()));
            assertThat(r.contentType()).isEqualTo("application/json");
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.path("type").asString()).isEqualTo("registration.created");
            assertThat(Instant.parse(body.path("timestamp").asString())).isBefore(Instant.now().plusSeconds(1));
            assertThat(body.path("data").path("registrationId").asLong()).isEqualTo(registration);
            assertThat(body.path("data").path("sessionCode").asString()).isEqualTo("WH1 " + n);
            assertThat(r.body()).as("no personal data").doesNotContain("ada.");

            Document log = organiser.page(page);
            assertThat(log.select("td.delivery-status").eachText()).containsExactly("Reçu");
        }
    }

    @Test
    void a_receiver_that_answers_500_gets_it_on_the_retry_then_a_dead_one_fails_after_six_attempts() throws Exception {
        try (Receiver receiver = new Receiver(500)) {
            long dayId = session("WH2");
            long subscription = subscribe(receiver.url(), "session.published");
            days.moveTo(dayId, DayStatus.PUBLISHED, null);
            Instant t0 = Instant.now().plusSeconds(1);

            sender.sendAllDue(t0);
            assertThat(receiver.received()).hasSize(1);
            Map<String, Object> row = delivery(subscription);
            assertThat(row).containsEntry("status", "PENDING").containsEntry("attempts", 1).containsEntry("last_response", 500);

            sender.sendAllDue(t0.plusSeconds(59));
            assertThat(receiver.received()).as("not before its minute").hasSize(1);

            sender.sendAllDue(t0.plusSeconds(61));
            List<Receiver.Received> got = receiver.received();
            assertThat(got).hasSize(2);
            assertThat(got.get(1).id()).isEqualTo(got.get(0).id());
            assertThat(JSON.readTree(got.get(1).body()).path("type").asString()).isEqualTo("session.published");
            assertThat(delivery(subscription)).containsEntry("status", "DELIVERED").containsEntry("attempts", 2)
                    .containsEntry("last_response", 200);
        }
        Receiver closed = new Receiver();
        String deadUrl = closed.url();
        closed.close();
        long dayId = session("WH3");
        long subscription = subscribe(deadUrl, "session.published");
        days.moveTo(dayId, DayStatus.PUBLISHED, null);
        Instant at = Instant.now().plusSeconds(1);
        for (Duration wait : List.of(Duration.ZERO, Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
                Duration.ofHours(2), Duration.ofHours(6))) {
            at = at.plus(wait).plusSeconds(1);
            assertThat(delivery(subscription)).containsEntry("status", "PENDING");
            sender.sendAllDue(at);
        }
        assertThat(delivery(subscription)).containsEntry("status", "FAILED").containsEntry("attempts", 6);

        // « Renvoyer » puts it back in the queue, at once.
        long deliveryId = (Long) delivery(subscription).get("id");
        String page = "/admin/webhooks/" + subscription;
        HttpResponse<String> resent = organiser.submit(page, page + "/envois/" + deliveryId + "/renvoi", Map.of());
        assertThat(resent.statusCode()).isEqualTo(302);
        assertThat(delivery(subscription)).containsEntry("status", "PENDING").containsEntry("attempts", 0);
    }

    @Test
    void two_senders_at_once_post_each_delivery_once() throws Exception {
        try (Receiver receiver = new Receiver()) {
            long dayId = session("WH4");
            subscribe(receiver.url(), "registration.created");
            for (int i = 0; i < 45; i++) {
                request(dayId, "agent" + i);
            }
            Instant now = Instant.now().plusSeconds(1);
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService two = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> runs = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    runs.add(two.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        return sender.sendAllDue(now);
                    }));
                }
                for (Future<Integer> run : runs) {
                    run.get(120, TimeUnit.SECONDS);
                }
            } finally {
                two.shutdownNow();
            }
            List<Receiver.Received> got = receiver.received();
            Map<String, Long> byId = Receiver.countById(got);
            assertThat(byId).hasSize(45);
            assertThat(byId.values()).containsOnly(1L);
            assertThat(got).hasSize(45);
        }
    }

    @Test
    void another_units_organiser_neither_sees_nor_changes_the_subscription() throws Exception {
        long subscription = subscribe("https://crochets.exemple.fr/" + n, "session.changed");
        String page = "/admin/webhooks/" + subscription;
        assertThat(organiser.get(page).statusCode()).isEqualTo(200);

        WebSession other = TestSessions.organiser(accounts, port, "autre." + n + "@cnfpt.fr", "Oscar Autre",
                "INSET voisin " + n);
        assertThat(other.get(page).statusCode()).isEqualTo(404);
        assertThat(other.page("/admin/webhooks").text()).doesNotContain("crochets.exemple.fr/" + n);
        String csrf = other.page("/admin/webhooks").select("input[name=_csrf]").attr("value");
        for (String action : List.of("/suppression", "/desactivation", "/secret")) {
            assertThat(other.post(page + action, Map.of("_csrf", csrf)).statusCode()).as(action).isEqualTo(404);
        }
        assertThat(jdbc.sql("SELECT enabled FROM webhook_subscription WHERE id = ?").param(subscription)
                .query(Boolean.class).single()).isTrue();

        HttpResponse<String> deleted = organiser.submit(page + "/suppression", page + "/suppression", Map.of());
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(organiser.get(page).statusCode()).isEqualTo(404);
    }

    @Test
    void the_pages_are_valid_html_and_refuse_a_plain_http_address() throws Exception {
        try (Receiver receiver = new Receiver()) {
            long dayId = session("WH5");
            HttpResponse<String> refused = organiser.submit("/admin/webhooks", "/admin/webhooks",
                    Map.of("url", "http://crochets.exemple.fr/" + n, "types", "registration.created"));
            assertThat(refused.statusCode()).isEqualTo(200);
            Document form = Jsoup.parse(refused.body());
            assertThat(form.select("#url-erreur").text()).isEqualTo("L’adresse doit commencer par https://.");
            assertThat(form.select("#url").attr("aria-invalid")).isEqualTo("true");

            HttpResponse<String> noType = organiser.submit("/admin/webhooks", "/admin/webhooks",
                    Map.of("url", receiver.url()));
            assertThat(Jsoup.parse(noType.body()).select("#types-erreur").text()).isEqualTo("Choisissez au moins un évènement.");

            HttpResponse<String> created = organiser.submit("/admin/webhooks", "/admin/webhooks",
                    Map.of("url", receiver.url(), "types", "registration.created"));
            String page = WebSession.location(created);
            String withSecret = organiser.get(page).body();
            request(dayId, "grace");
            sender.sendAllDue(Instant.now().plusSeconds(1));

            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("list", organiser.get("/admin/webhooks").body());
            pages.put("list-errors", refused.body());
            pages.put("subscription-secret", withSecret);
            pages.put("subscription-log", organiser.get(page).body());
            pages.put("delete", organiser.get(page + "/suppression").body());
            HtmlChecker.assertValid("webhooks", pages);
        }
    }

    private long session(String prefix) {
        return TestSessions.session(days, registrations, new SessionCode(prefix + " " + n), "Crochets " + prefix + " " + n,
                unit, TestSessions.halfDay());
    }

    private long subscribe(String url, String type) throws Exception {
        HttpResponse<String> created = organiser.submit("/admin/webhooks", "/admin/webhooks",
                Map.of("url", url, "types", type));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        return Long.parseLong(WebSession.location(created).replaceAll("\\D", ""));
    }

    private long request(long dayId, String name) {
        return registrations.request(dayId, new RequestDraft("Lovelace", name, name + "." + n + "@test.fr", "01 60 79 74 00",
                "Juriste", null, "Commune de Test-sur-Seine", null, null, null, Instant.parse("2026-06-10T10:00:00Z")));
    }

    private Map<String, Object> delivery(long subscription) {
        return jdbc.sql("SELECT id, status, attempts, last_response FROM webhook_delivery WHERE subscription_id = ?")
                .param(subscription).query().singleRow();
    }

    /** The signature as a receiver recomputes it (Standard Webhooks), written here apart from the application's. */
    private static String signature(String secret, String id, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }
}
