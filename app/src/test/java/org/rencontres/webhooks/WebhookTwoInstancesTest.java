package org.rencontres.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresApplication;
import org.rencontres.TestSessions;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.registration.Registrations;
import org.rencontres.registration.RequestDraft;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application instances (two Spring contexts) on one PostgreSQL, each with its own {@link WebhookSender},
 * both sending at the same moment: every registration's webhook reaches the receiver exactly once, signed with
 * the subscription's secret. The scheduled job is off (test configuration): only the test's calls send.
 */
class WebhookTwoInstancesTest {

    private static final int N = 30;

    @Test
    void two_instances_sending_at_once_deliver_each_webhook_once() throws Exception {
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start();
             Receiver receiver = new Receiver()) {
            JdbcClient.create(database.getPostgresDatabase()).sql("CREATE DATABASE rencontres_hooks").update();
            String url = database.getJdbcUrl("postgres", "rencontres_hooks");
            ExecutorService starter = Executors.newFixedThreadPool(2);
            Future<ConfigurableApplicationContext> a = starter.submit(() -> start(url));
            Future<ConfigurableApplicationContext> b = starter.submit(() -> start(url));
            try (ConfigurableApplicationContext first = a.get(240, TimeUnit.SECONDS);
                 ConfigurableApplicationContext second = b.get(240, TimeUnit.SECONDS)) {
                JdbcClient jdbc = first.getBean(JdbcClient.class);
                String unit = "INSET des deux instances";
                String secret = WebhookSignatures.newSecret();
                long subscription = jdbc.sql("""
                        INSERT INTO webhook_subscription (organising_unit, url, event_types, secret)
                        VALUES (?, ?, '{registration.created}', ?) RETURNING id""")
                        .params(unit, receiver.url(), secret).query(Long.class).single();

                Registrations registrations = first.getBean(Registrations.class);
                long dayId = TestSessions.session(first.getBean(Days.class), registrations, new SessionCode("DEUX 1"),
                        "Deux instances", unit, TestSessions.halfDay());
                for (int i = 0; i < N; i++) {
                    registrations.request(dayId, new RequestDraft("Lovelace", "agent" + i, "agent" + i + "@test.fr",
                            "01 60 79 74 00", "Juriste", null, "Commune de Test-sur-Seine", null, null, null,
                            Instant.parse("2026-06-10T10:00:00Z")));
                }
                assertThat(pending(jdbc, subscription)).isEqualTo(N);

                // Each instance's sender, started together, claiming batch after batch until none is left.
                Instant now = Instant.now().plusSeconds(1);
                CyclicBarrier together = new CyclicBarrier(2);
                ExecutorService two = Executors.newFixedThreadPool(2);
                List<Integer> claimed = new ArrayList<>();
                try {
                    List<Future<Integer>> runs = new ArrayList<>();
                    for (ConfigurableApplicationContext instance : List.of(first, second)) {
                        WebhookSender sender = instance.getBean(WebhookSender.class);
                        runs.add(two.submit(() -> {
                            together.await(60, TimeUnit.SECONDS);
                            int total = 0;
                            for (int round = 0; round < 100 && pending(jdbc, subscription) > 0; round++) {
                                total += sender.sendDue(now);
                            }
                            return total;
                        }));
                    }
                    for (Future<Integer> run : runs) {
                        claimed.add(run.get(180, TimeUnit.SECONDS));
                    }
                } finally {
                    two.shutdownNow();
                }
                assertThat(first.getBean(WebhookSender.class)).isNotSameAs(second.getBean(WebhookSender.class));
                assertThat(claimed.get(0) + claimed.get(1)).as("claims by the two instances %s", claimed).isEqualTo(N);
                assertThat(pending(jdbc, subscription)).isZero();
                assertThat(jdbc.sql("""
                        SELECT count(*) FROM webhook_delivery
                        WHERE subscription_id = ? AND status = 'DELIVERED' AND attempts = 1""")
                        .param(subscription).query(Long.class).single()).isEqualTo(N);

                List<Receiver.Received> got = receiver.received();
                Map<String, Long> byId = Receiver.countById(got);
                assertThat(byId).as("each webhook-id").hasSize(N);
                assertThat(byId.values()).as("received exactly once").containsOnly(1L);
                assertThat(got).hasSize(N);
                assertThat(byId.keySet()).containsExactlyInAnyOrderElementsOf(jdbc.sql(
                        "SELECT message_id FROM webhook_delivery WHERE subscription_id = ?")
                        .param(subscription).query(String.class).list());
                String other = WebhookSignatures.newSecret();
                for (Receiver.Received r : got) {
                    assertThat(r.signature()).isEqualTo(signature(secret, r.id(), r.timestamp(), r.body()));
                    assertThat(r.signature()).isNotEqualTo(signature(other, r.id(), r.timestamp(), r.body()));
                }
            } finally {
                starter.shutdownNow();
            }
        }
    }

    private static long pending(JdbcClient jdbc, long subscription) {
        return jdbc.sql("SELECT count(*) FROM webhook_delivery WHERE subscription_id = ? AND status = 'PENDING'")
                .param(subscription).query(Long.class).single();
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplication(RencontresApplication.class).run(
                "--server.port=0",
                "--rencontres.demo.enabled=false",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                // Only the test's calls send (the scheduled job off, as in the test configuration); http to localhost.
                "--rencontres.webhooks.enabled=false",
                "--rencontres.webhooks.allow-local=true");
    }

    /** The signature as a receiver recomputes it (Standard Webhooks), apart from the application's code. */
    private static String signature(String secret, String id, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }
}
