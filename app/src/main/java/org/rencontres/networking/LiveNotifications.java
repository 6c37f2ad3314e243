package org.rencontres.networking;

import javax.sql.DataSource;

import org.rencontres.database.PostgresListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
class LiveNotifications extends PostgresListener {

    private static final Logger log = LoggerFactory.getLogger(LiveNotifications.class);

    LiveNotifications(DataSource dataSource, LiveStream stream) {
        super(dataSource, LiveSessions.CHANNEL, parameter -> dispatch(stream, parameter), stream::changedAll);
    }

    private static void dispatch(LiveStream stream, String parameter) {
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
}
