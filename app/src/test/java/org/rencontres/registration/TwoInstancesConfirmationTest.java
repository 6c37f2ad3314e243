package org.rencontres.registration;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresApplication;
import org.rencontres.event.Days;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The same race with two application instances (two Spring contexts on their own ports) sharing one
 * PostgreSQL, the 200 confirmations split between them, three times.
 */
class TwoInstancesConfirmationTest {

    @Test
    void two_instances_never_confirm_more_than_the_seats() throws Exception {
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
            JdbcClient.create(database.getPostgresDatabase()).sql("CREATE DATABASE rencontres_race").update();
            String url = database.getJdbcUrl("postgres", "rencontres_race");
            ExecutorService starter = Executors.newFixedThreadPool(2);
            Future<ConfigurableApplicationContext> a = starter.submit(() -> start(url));
            Future<ConfigurableApplicationContext> b = starter.submit(() -> start(url));
            try (ConfigurableApplicationContext first = a.get(180, TimeUnit.SECONDS);
                 ConfigurableApplicationContext second = b.get(180, TimeUnit.SECONDS)) {
                List<Registrations> instances = List.of(first.getBean(Registrations.class),
                        second.getBean(Registrations.class));
                for (int round = 0; round < 3; round++) {
                    ConfirmationRace.run(first.getBean(Days.class), instances);
                }
            } finally {
                starter.shutdownNow();
            }
        }
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplication(RencontresApplication.class).run(
                "--server.port=0",
                "--rencontres.demo.enabled=false",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=");
    }
}
