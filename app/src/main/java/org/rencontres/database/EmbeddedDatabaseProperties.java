package org.rencontres.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL.
 *
 * @param dataDirectory where the cluster is kept between runs
 * @param port the port to listen on, 0 for any free port
 * @param ephemeral a throw-away cluster in a temporary directory (tests)
 */
@ConfigurationProperties("rencontres.embedded-database")
record EmbeddedDatabaseProperties(
        @DefaultValue("data/postgres") Path dataDirectory,
        @DefaultValue("0") int port,
        @DefaultValue("false") boolean ephemeral) {
}
