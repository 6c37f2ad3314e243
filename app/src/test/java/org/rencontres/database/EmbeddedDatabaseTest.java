package org.rencontres.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded PostgreSQL keeps its data in its directory from one start to the next. */
class EmbeddedDatabaseTest {

    @TempDir Path dataDir;

    @Test
    void data_survives_a_restart() throws Exception {
        EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();
        EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(dataDir.resolve("postgres"), 0, false);

        try (EmbeddedPostgres first = configuration.embeddedPostgres(properties)) {
            DataSource dataSource = configuration.dataSource(first);
            JdbcClient jdbc = JdbcClient.create(dataSource);
            jdbc.sql("CREATE TABLE kept (what TEXT)").update();
            jdbc.sql("INSERT INTO kept VALUES ('Z20IN 001')").update();
            assertThat(jdbc.sql("SHOW server_version").query(String.class).single()).startsWith("17.");
            ((HikariDataSource) dataSource).close();
        }
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();

        try (EmbeddedPostgres second = configuration.embeddedPostgres(properties)) {
            HikariDataSource dataSource = (HikariDataSource) configuration.dataSource(second);
            assertThat(JdbcClient.create(dataSource).sql("SELECT what FROM kept").query(String.class).list())
                    .containsExactly("Z20IN 001");
            dataSource.close();
        }
    }
}
