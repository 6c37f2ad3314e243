package org.rencontres.database;

import java.io.IOException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL in-process (zonky's binaries; as root it runs them through
 * {@code unshare}) and points the application's connection pool at it. Its data stays under
 * {@code rencontres.embedded-database.data-directory} between runs, written durably, and one
 * instance at a time uses it (see {@link EmbeddedCluster}). Nothing of this starts when an external
 * database is configured.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedCluster embeddedCluster(EmbeddedDatabaseProperties properties) throws IOException {
        return EmbeddedCluster.start(properties);
    }

    // Stopped by its cluster, which then gives up the data directory's lock.
    @Bean(destroyMethod = "")
    EmbeddedPostgres embeddedPostgres(EmbeddedCluster cluster) {
        return cluster.postgres();
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("rencontres-embedded");
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }
}
