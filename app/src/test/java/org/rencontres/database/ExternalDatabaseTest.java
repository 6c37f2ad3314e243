package org.rencontres.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.rencontres.RencontresApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With {@code spring.datasource.url} set (SPRING_DATASOURCE_URL), the application uses that
 * PostgreSQL, migrates it and loads the demo day there, and starts nothing embedded; several
 * instances can share it.
 */
class ExternalDatabaseTest {

    @Test
    void an_external_database_replaces_the_embedded_one() throws Exception {
        // Stands for a PostgreSQL server run by operations: started here, outside the application.
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            JdbcClient.create(external.getPostgresDatabase()).sql("CREATE DATABASE rencontres_ext").update();
            String url = external.getJdbcUrl("postgres", "rencontres_ext");

            // Two instances start together on the same database, as behind a load balancer:
            // Flyway's lock and the demo loader's advisory lock let only one of each do the work.
            ExecutorService starter = Executors.newFixedThreadPool(2);
            try {
                List<Future<ConfigurableApplicationContext>> instances = List.of(
                        starter.submit(() -> start(url)), starter.submit(() -> start(url)));
                for (Future<ConfigurableApplicationContext> instance : instances) {
                    try (ConfigurableApplicationContext context = instance.get(120, TimeUnit.SECONDS)) {
                        assertThat(context.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
                        assertThat(context.getBean(javax.sql.DataSource.class).getClass().getName()).contains("Hikari");
                    }
                }
            } finally {
                starter.shutdownNow();
            }

            JdbcClient direct = JdbcClient.create(external.getDatabase("postgres", "rencontres_ext"));
            assertThat(direct.sql("SELECT session_code FROM event_day").query(String.class).list())
                    .containsExactly("Z20IN 001");
            assertThat(direct.sql("SELECT count(*) FROM programme_slot").query(Long.class).single()).isEqualTo(14);
            assertThat(direct.sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Long.class).single())
                    .isGreaterThanOrEqualTo(5);
        }
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplication(RencontresApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=");
    }
}
