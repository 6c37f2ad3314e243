package org.rencontres.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * One instance's ear on a PostgreSQL channel: a connection of its own (outside the pool, so the pool
 * keeps all of its) that LISTENs, read by a daemon thread with PgJDBC's
 * {@code getNotifications(timeout)}. Each payload is handed to {@code onNotification}; a broken
 * connection is opened again after a pause and {@code onReconnect} is then called, since
 * notifications may have been missed meanwhile. Modules that fan changes out across instances
 * (the networking clock, collective writing) each own one: a bean of a subclass that says where the
 * payloads go, which the application starts and stops with itself.
 */
public class PostgresListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostgresListener.class);
    private static final int WAIT_MILLIS = 1000;
    private static final long RETRY_MILLIS = 2000;
    private static final long PROBE_MILLIS = 30_000;

    private final DataSource dataSource;
    private final String channel;
    private final Consumer<String> onNotification;
    private final Runnable onReconnect;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Connection connection;

    /** @param channel a PostgreSQL identifier (letters, digits, underscores) */
    protected PostgresListener(DataSource dataSource, String channel, Consumer<String> onNotification,
                               Runnable onReconnect) {
        if (!channel.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a channel name: " + channel);
        }
        this.dataSource = dataSource;
        this.channel = channel;
        this.onNotification = onNotification;
        this.onReconnect = onReconnect;
    }

    @Override
    public void start() {
        running = true;
        Thread t = new Thread(this::listen, "listen-" + channel);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        boolean reconnected = false;
        while (running) {
            try (Connection c = open()) {
                connection = c;
                try (Statement statement = c.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                if (reconnected) {
                    log.info("Listening again on PostgreSQL channel {}", channel);
                    onReconnect.run();
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                long lastHeard = System.currentTimeMillis();
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications == null || notifications.length == 0) {
                        // Waiting only reads: a connection silently dropped on the way (NAT, failover) is
                        // found out by writing to it now and then.
                        if (System.currentTimeMillis() - lastHeard > PROBE_MILLIS) {
                            try (Statement probe = c.createStatement()) {
                                probe.execute("SELECT 1");
                            }
                            lastHeard = System.currentTimeMillis();
                        }
                        continue;
                    }
                    lastHeard = System.currentTimeMillis();
                    for (PGNotification n : notifications) {
                        try {
                            onNotification.accept(n.getParameter());
                        } catch (RuntimeException e) {
                            log.warn("Channel {}: notification not handled ({})", channel, e.toString());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Channel {}: PostgreSQL notifications lost ({}), listening again in {} ms",
                        channel, e.getMessage(), RETRY_MILLIS);
                reconnected = true;
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } finally {
                connection = null;
            }
        }
    }

    private Connection open() throws SQLException {
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
            if (hikari.getJdbcUrl() != null && hikari.getJdbcUrl().startsWith("jdbc:postgresql:")) {
                Properties properties = new Properties();
                if (hikari.getUsername() != null) {
                    properties.setProperty("user", hikari.getUsername());
                }
                if (hikari.getPassword() != null) {
                    properties.setProperty("password", hikari.getPassword());
                }
                properties.setProperty("ApplicationName", "rencontres-listen-" + channel);
                properties.setProperty("tcpKeepAlive", "true");
                return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
            }
        }
        return dataSource.getConnection();
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(WAIT_MILLIS * 3L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Closes the listening connection as a network failure would (tests of the reconnection). */
    public void dropConnection() throws SQLException {
        Connection c = connection;
        if (c != null) {
            c.close();
        }
    }
}
