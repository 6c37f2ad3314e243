package org.rencontres.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded PostgreSQL keeps its data in its directory from one start to the next, writes it
 * durably, and serves one instance at a time. (Crashes and several processes: {@link CrashRestartTest},
 * {@link DurableCommitsTest}.)
 */
class EmbeddedDatabaseTest {

    @TempDir Path dataDir;

    private final EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();

    @Test
    void data_survives_a_clean_stop_and_start_and_is_written_durably() throws Exception {
        EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(dataDir.resolve("postgres"), 0, false);

        try (EmbeddedCluster first = EmbeddedCluster.start(properties)) {
            HikariDataSource dataSource = (HikariDataSource) configuration.dataSource(first.postgres());
            JdbcClient jdbc = JdbcClient.create(dataSource);
            jdbc.sql("CREATE TABLE kept (what TEXT)").update();
            jdbc.sql("INSERT INTO kept VALUES ('Z20IN 001')").update();
            assertThat(jdbc.sql("SHOW server_version").query(String.class).single()).startsWith("17.");
            assertThat(durability(jdbc)).containsExactly("on", "on", "on");
            dataSource.close();
        }
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
        assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();

        try (EmbeddedCluster second = EmbeddedCluster.start(properties)) {
            HikariDataSource dataSource = (HikariDataSource) configuration.dataSource(second.postgres());
            assertThat(JdbcClient.create(dataSource).sql("SELECT what FROM kept").query(String.class).list())
                    .containsExactly("Z20IN 001");
            dataSource.close();
        }
    }

    @Test
    void a_throw_away_cluster_keeps_the_fast_settings() throws Exception {
        try (EmbeddedCluster ephemeral = EmbeddedCluster.start(new EmbeddedDatabaseProperties(null, 0, true))) {
            JdbcClient jdbc = JdbcClient.create(ephemeral.postgres().getPostgresDatabase());
            assertThat(durability(jdbc)).containsExactly("off", "off", "on");
        }
    }

    @Test
    void a_second_start_on_the_same_directory_is_refused_while_the_first_runs() throws Exception {
        EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(dataDir.resolve("postgres"), 0, false);
        try (EmbeddedCluster first = EmbeddedCluster.start(properties)) {
            assertThatThrownBy(() -> EmbeddedCluster.start(properties))
                    .isInstanceOf(DataDirectoryLock.DataDirectoryInUseException.class)
                    .hasMessageContaining("is in use by another running instance");
            DataSource dataSource = first.postgres().getPostgresDatabase();
            assertThat(JdbcClient.create(dataSource).sql("SELECT 1").query(Integer.class).single()).isEqualTo(1);
        }
        // Given up with the first: the next start takes the directory.
        try (EmbeddedCluster next = EmbeddedCluster.start(properties)) {
            assertThat(next.postgres().getPort()).isPositive();
        }
    }

    static java.util.List<String> durability(JdbcClient jdbc) {
        return java.util.List.of(jdbc.sql("SHOW fsync").query(String.class).single(),
                jdbc.sql("SHOW synchronous_commit").query(String.class).single(),
                jdbc.sql("SHOW full_page_writes").query(String.class).single());
    }
}
