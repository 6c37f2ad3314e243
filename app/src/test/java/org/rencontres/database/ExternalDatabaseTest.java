package org.rencontres.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With {@code spring.datasource.url} set (SPRING_DATASOURCE_URL), the application uses that
 * PostgreSQL, migrates it and loads the demo day there, and starts nothing embedded.
 */
class ExternalDatabaseTest {

    @Test
    void an_external_database_replaces_the_embedded_one() throws Exception {
        // Stands for a PostgreSQL server run by operations: started here, outside the application.
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            JdbcClient.create(external.getPostgresDatabase()).sql("CREATE DATABASE rencontres_ext").update();
            String url = external.getJdbcUrl("postgres", "rencontres_ext");

            SpringApplication application = new SpringApplication(RencontresApplication.class);
            try (ConfigurableApplicationContext context = application.run(
                    "--server.port=0",
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=postgres",
                    "--spring.datasource.password=")) {
                assertThat(context.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
                assertThat(context.getBean(javax.sql.DataSource.class).getClass().getName()).contains("Hikari");
            }

            JdbcClient direct = JdbcClient.create(external.getDatabase("postgres", "rencontres_ext"));
            assertThat(direct.sql("SELECT session_code FROM event_day").query(String.class).list())
                    .containsExactly("Z20IN 001");
            assertThat(direct.sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Long.class).single())
                    .isGreaterThanOrEqualTo(5);
        }
    }
}
