package org.rencontres.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresApplication;
import org.rencontres.WebSession;
import org.rencontres.document.PendingUploads;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application instances (two Spring contexts, two ports) on one PostgreSQL, and a visitor whose
 * requests go to either, as behind a load balancer without sticky sessions: signed in through one, the
 * organiser is signed in on the other; an import previewed through one is confirmed through the other;
 * signed out through one, signed out everywhere.
 */
class SessionsSharedByInstancesTest {

    private static final String PASSWORD = "correct horse battery";

    @Test
    void a_session_and_an_import_preview_made_on_one_instance_are_used_on_the_other() throws Exception {
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
            JdbcClient.create(database.getPostgresDatabase()).sql("CREATE DATABASE rencontres_sessions").update();
            String url = database.getJdbcUrl("postgres", "rencontres_sessions");
            ExecutorService starter = Executors.newFixedThreadPool(2);
            Future<ConfigurableApplicationContext> a = starter.submit(() -> start(url));
            Future<ConfigurableApplicationContext> b = starter.submit(() -> start(url));
            try (ConfigurableApplicationContext first = a.get(240, TimeUnit.SECONDS);
                 ConfigurableApplicationContext second = b.get(240, TimeUnit.SECONDS)) {
                first.getBean(Accounts.class).create(new NewAccount("deux.instances@cnfpt.fr", "Deux Instances",
                        Role.ADMINISTRATOR, null, PASSWORD));
                JdbcClient jdbc = first.getBean(JdbcClient.class);

                WebSession onFirst = new WebSession(port(first));
                assertThat(WebSession.location(onFirst.signIn("deux.instances@cnfpt.fr", PASSWORD))).isEqualTo("/admin");
                WebSession onSecond = onFirst.sameVisitorOn(port(second));
                assertThat(onSecond.get("/admin").statusCode()).as("signed in on the other instance").isEqualTo(200);
                assertThat(onSecond.get("/admin/annuaire/organisations").statusCode()).isEqualTo(200);
                HttpResponse<String> stranger = new WebSession(port(second)).get("/admin");
                assertThat(stranger.statusCode()).as("without the cookie").isEqualTo(302);
                assertThat(WebSession.location(stranger)).endsWith("/connexion");
                assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?")
                        .param("deux.instances@cnfpt.fr").query(Long.class).single()).isEqualTo(1);

                // The preview through the first instance, the confirmation through the second.
                byte[] file = ("Nom;Type;SIREN;Adresse;Code postal;Ville;Site;Courriel formation\r\n"
                        + "Mairie des deux instances;Commune;;;91000;Évry-Courcouronnes;;\r\n")
                        .getBytes(StandardCharsets.UTF_8);
                HttpResponse<String> uploaded = onFirst.upload("/admin/annuaire/import", "fichier", "orgs.csv", file);
                assertThat(WebSession.location(uploaded)).isEqualTo("/admin/annuaire/import/apercu");
                assertThat(jdbc.sql("SELECT count(*) FROM pending_upload").query(Long.class).single()).isEqualTo(1);
                Document preview = onSecond.page("/admin/annuaire/import/apercu");
                assertThat(preview.select("tbody tr td:nth-child(2)").eachText())
                        .containsExactly("Mairie des deux instances");
                String token = preview.select("input[name=jeton]").attr("value");
                HttpResponse<String> confirmed = onSecond.submit("/admin/annuaire/import/apercu",
                        "/admin/annuaire/import/confirmer", Map.of("jeton", token));
                assertThat(WebSession.location(confirmed)).isEqualTo("/admin/annuaire/organisations");
                assertThat(jdbc.sql("SELECT count(*) FROM organisation WHERE name = 'Mairie des deux instances'")
                        .query(Long.class).single()).isEqualTo(1);
                assertThat(jdbc.sql("SELECT count(*) FROM pending_upload").query(Long.class).single())
                        .as("used up").isZero();
                assertThat(onFirst.page("/admin/annuaire/organisations").select("[role=status]").text())
                        .as("the notice set on the second, shown by the first").startsWith("Import terminé");

                // Signed out through the second: the first no longer knows the visitor either.
                HttpResponse<String> out = onSecond.submit("/admin", "/deconnexion", Map.of());
                assertThat(WebSession.location(out)).startsWith("/connexion");
                assertThat(onFirst.get("/admin").statusCode()).isEqualTo(302);
                assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?")
                        .param("deux.instances@cnfpt.fr").query(Long.class).single()).isZero();
            } finally {
                starter.shutdownNow();
            }
        }
    }

    @Test
    void expired_sessions_and_uploads_are_not_kept() throws Exception {
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
            JdbcClient.create(database.getPostgresDatabase()).sql("CREATE DATABASE rencontres_expiry").update();
            // Spring Session's own clean-up, every second here (every minute by default): nothing calls it by hand.
            try (ConfigurableApplicationContext context = start(database.getJdbcUrl("postgres", "rencontres_expiry"),
                    "--spring.session.jdbc.cleanup-cron=* * * * * *")) {
                JdbcClient jdbc = context.getBean(JdbcClient.class);
                long now = System.currentTimeMillis();
                for (String id : new String[] {"expired", "current"}) {
                    jdbc.sql("""
                                    INSERT INTO spring_session (primary_id, session_id, creation_time, last_access_time,
                                        max_inactive_interval, expiry_time, principal_name)
                                    VALUES (?, ?, ?, ?, 1800, ?, 'x@cnfpt.fr')""")
                            .params(id, id + "-s", now - 3_600_000, now - 3_600_000,
                                    id.equals("expired") ? now - 1_800_000 : now + 1_800_000)
                            .update();
                }
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                        jdbc.sql("SELECT primary_id FROM spring_session").query(String.class).list())
                        .extracting(String::strip).containsExactly("current"));

                // An upload is its owner's alone, named by its token, and gone once expired.
                long owner = context.getBean(Accounts.class).create(new NewAccount("proprietaire@cnfpt.fr",
                        "Propriétaire", Role.ORGANISER, "CNFPT Île-de-France", PASSWORD)).id();
                long other = context.getBean(Accounts.class).create(new NewAccount("autre@cnfpt.fr",
                        "Autre", Role.ORGANISER, "CNFPT Île-de-France", PASSWORD)).id();
                PendingUploads uploads = context.getBean(PendingUploads.class);
                String token = uploads.keep("essai", owner, "session-1", "a.csv", new byte[] {1, 2}).token();
                assertThat(uploads.find("essai", owner, "session-1", token)).isPresent();
                assertThat(uploads.find("essai", owner, "session-1", "autre")).isEmpty();
                assertThat(uploads.find("essai", other, "session-1", token)).isEmpty();
                assertThat(uploads.find("essai", owner, "session-2", token)).as("another sign-in").isEmpty();
                assertThat(uploads.current("autre-usage", owner, "session-1")).isEmpty();
                String second = uploads.keep("essai", owner, "session-1", "b.csv", new byte[] {3}).token();
                assertThat(uploads.find("essai", owner, "session-1", token)).as("replaced").isEmpty();
                assertThat(uploads.current("essai", owner, "session-1").orElseThrow().fileName()).isEqualTo("b.csv");
                jdbc.sql("UPDATE pending_upload SET created_at = now() - interval '2 hours', "
                        + "expires_at = now() - interval '1 hour' WHERE token = ?").param(second).update();
                assertThat(uploads.current("essai", owner, "session-1")).as("expired").isEmpty();
                uploads.keep("essai", other, "session-3", "c.csv", new byte[] {4});
                assertThat(jdbc.sql("SELECT count(*) FROM pending_upload WHERE token = ?").param(second)
                        .query(Long.class).single()).as("deleted by the next upload").isZero();
            }
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private static ConfigurableApplicationContext start(String url, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--rencontres.demo.enabled=false",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password="));
        args.addAll(List.of(more));
        return new SpringApplication(RencontresApplication.class).run(args.toArray(String[]::new));
    }
}
