package org.rencontres.attendance;

import java.util.Locale;
import java.util.Optional;

import org.rencontres.event.SessionDayDependents;
import org.rencontres.event.SessionDayRemoved;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The attendance recorded on a day of the session: the organiser is told before the day moves or
 * goes, and it goes with a removed day (in the same transaction).
 */
@Component
class AttendanceOfSessionDay implements SessionDayDependents {

    private final JdbcClient jdbc;
    private final MessageSource messages;

    AttendanceOfSessionDay(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public Optional<String> on(long dayId, long sessionDayId, Locale locale) {
        int count = jdbc.sql("SELECT count(*) FROM attendance WHERE day_id = ? AND session_day_id = ?")
                .params(dayId, sessionDayId).query(Integer.class).single();
        return count == 0 ? Optional.empty()
                : Optional.of(messages.getMessage("attendance.session.day.count", new Object[] {count}, locale));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(SessionDayRemoved removed) {
        jdbc.sql("DELETE FROM attendance WHERE day_id = ? AND session_day_id = ?")
                .params(removed.dayId(), removed.sessionDayId()).update();
    }
}
