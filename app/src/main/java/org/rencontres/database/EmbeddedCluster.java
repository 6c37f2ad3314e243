package org.rencontres.database;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded PostgreSQL of this instance with what makes its data safe to keep: commits that are on
 * disk before they are acknowledged, this instance's lock on the data directory, and the fast
 * shutdown of a server that an instance killed without warning left running on it.
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
final class EmbeddedCluster implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedCluster.class);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    private final DataDirectoryLock lock;

    static EmbeddedCluster start(EmbeddedDatabaseProperties properties) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(STARTUP_WAIT)
                // Spring stops it when the context closes; a second hook of its own would race that one.
                .setRegisterShutdownHook(false)
                .setServerConfig("timezone", "UTC")
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C.UTF-8");
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        if (properties.ephemeral()) {
            // A throw-away cluster (tests, benchmarks) keeps the library's settings, fsync and
            // synchronous_commit off: much faster, and a crash loses nothing anyone needs afterwards.
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL listening on port {} (ephemeral)", postgres.getPort());
            return new EmbeddedCluster(postgres, null);
        }

        Path dataDirectory = properties.dataDirectory().toAbsolutePath().normalize();
        DataDirectoryLock lock;
        try {
            lock = DataDirectoryLock.acquire(dataDirectory);
        } catch (DataDirectoryLock.DataDirectoryInUseException e) {
            log.error(e.getMessage());
            throw e;
        }
        try {
            Files.createDirectories(dataDirectory);
            // We hold the lock, so no live instance uses the directory: a server still running on it was
            // left behind by one that died (kill -9, out of memory). Attaching to it would leave it
            // unowned; starting beside it is impossible. Stop it cleanly, then start afresh.
            OptionalLong orphan = Postmaster.runningOn(dataDirectory);
            if (orphan.isPresent()) {
                log.warn("A PostgreSQL server (process {}) left running by an instance that ended without stopping"
                        + " it still serves {}: fast shutdown, then a new start", orphan.getAsLong(), dataDirectory);
                Postmaster.stop(orphan.getAsLong(), dataDirectory, ORPHAN_STOP_WAIT);
            }
            // The library starts the server with fsync off and synchronous_commit off (its defaults, for
            // tests): a crash then loses commits already acknowledged. A kept cluster has them on, and
            // full_page_writes too, so that a commit is on disk before a page says "done".
            builder.setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
            EmbeddedPostgres postgres = builder.start();
            try {
                checkServes(postgres, dataDirectory);
            } catch (RuntimeException e) {
                postgres.close();
                throw e;
            }
            log.info("Embedded PostgreSQL listening on port {}, data in {}", postgres.getPort(), dataDirectory);
            return new EmbeddedCluster(postgres, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * The library waits until something answers on the port: with a fixed port taken by another
     * server (ours failed to start), that would be a stranger's database.
     */
    private static void checkServes(EmbeddedPostgres postgres, Path dataDirectory) {
        String served = JdbcClient.create(postgres.getPostgresDatabase()).sql("SHOW data_directory")
                .query(String.class).single();
        boolean same;
        try {
            same = Files.isSameFile(Path.of(served), dataDirectory);
        } catch (IOException e) {
            same = false;
        }
        if (!same) {
            throw new IllegalStateException("The PostgreSQL answering on port " + postgres.getPort() + " serves "
                    + served + ", not " + dataDirectory + ": choose another rencontres.embedded-database.port.");
        }
    }

    EmbeddedPostgres postgres() {
        return postgres;
    }

    /** Stops the server (fast shutdown, waited for), then gives the data directory up. */
    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }
}
