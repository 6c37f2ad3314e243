package org.rencontres.networking;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This instance's ear on PostgreSQL: one connection of its own (outside the pool) that LISTENs on
 * {@value LiveSessions#CHANNEL}, read by a daemon thread with PgJDBC's
 * {@code getNotifications(timeout)}. Every control commits a {@code pg_notify} with the session's
 * id, whichever instance received it; each instance then sends the new state to the screens
 * connected to it. A broken connection is opened again after a pause, and every session with a
 * screen here is then sent its state, since notifications may have been missed meanwhile.
 */
@Component
class LiveNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveNotifications.class);
    private static final int WAIT_MILLIS = 1000;
    private static final long RETRY_MILLIS = 2000;

    private final DataSource dataSource;
    private final LiveStream stream;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Connection connection;

    LiveNotifications(DataSource dataSource, LiveStream stream) {
        this.dataSource = dataSource;
        this.stream = stream;
    }

    @Override
    public void start() {
        running = true;
        Thread t = new Thread(this::listen, "networking-live-listen");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void listen() {
        boolean reconnected = false;
        while (running) {
            try (Connection c = open()) {
                connection = c;
                try (Statement statement = c.createStatement()) {
                    statement.execute("LISTEN " + LiveSessions.CHANNEL);
                }
                if (reconnected) {
                    log.info("Live sessions: listening again on PostgreSQL channel {}", LiveSessions.CHANNEL);
                    stream.changedAll();
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification n : notifications) {
                        dispatch(n.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Live sessions: PostgreSQL notifications lost ({}), listening again in {} ms",
                        e.getMessage(), RETRY_MILLIS);
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

    private void dispatch(String parameter) {
        long sessionId;
        try {
            sessionId = Long.parseLong(parameter);
        } catch (NumberFormatException e) {
            return;
        }
        try {
            stream.changed(sessionId);
        } catch (RuntimeException e) {
            log.warn("Live session {}: screens not told ({})", sessionId, e.getMessage());
        }
    }

    /** A connection of its own, so that the pool keeps all of its; the pool's when its settings are unknown. */
    private Connection open() throws SQLException {
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
            if (hikari.getJdbcUrl() != null && hikari.getJdbcUrl().startsWith("jdbc:postgresql:")) {
                java.util.Properties properties = new java.util.Properties();
                if (hikari.getUsername() != null) {
                    properties.setProperty("user", hikari.getUsername());
                }
                if (hikari.getPassword() != null) {
                    properties.setProperty("password", hikari.getPassword());
                }
                properties.setProperty("ApplicationName", "rencontres-live-listener");
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

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Closes the listening connection as a network failure would (tests of the reconnection). */
    void dropConnection() throws SQLException {
        Connection c = connection;
        if (c != null) {
            c.close();
        }
    }
}
