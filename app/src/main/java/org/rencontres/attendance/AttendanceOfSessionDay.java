package org.rencontres.attendance;

import java.util.Locale;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.Days;
import org.rencontres.event.SessionDay;
import org.rencontres.event.SessionDayDependents;
import org.rencontres.event.SessionDayRemoved;
import org.rencontres.event.SessionDays;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The attendance recorded on a day of the session: the organiser is told before the day moves or
 * goes, and it goes with a removed day (in the same transaction). Certificates already issued that
 * count that day stay as issued (they keep their dates and hours, see {@link AttendedHalfDay}): the
 * confirmation says how many.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AttendanceOfSessionDay implements SessionDayDependents {

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Days days;

    @Override
    public Optional<String> on(long dayId, long sessionDayId, Locale locale) {
        int count = jdbc.sql("SELECT count(*) FROM attendance WHERE day_id = ? AND session_day_id = ?")
                .params(dayId, sessionDayId).query(Integer.class).single();
        if (count == 0) {
            return Optional.empty();
        }
        String text = messages.getMessage("attendance.session.day.count", new Object[] {count}, locale);
        int certificates = certificates(dayId, sessionDayId);
        return Optional.of(certificates == 0 ? text
                : messages.getMessage("attendance.session.day.certificates", new Object[] {text, certificates}, locale));
    }

    /**
     * The certificates of the session that count a half-day of that day: those that name its date, and
     * for its first day those issued before sessions had several days (they name no date).
     */
    private int certificates(long dayId, long sessionDayId) {
        Optional<SessionDays> sessionDays = days.days(dayId);
        Optional<SessionDay> day = sessionDays.flatMap(d -> d.byId(sessionDayId));
        if (day.isEmpty()) {
            return 0;
        }
        boolean first = day.get().id() == sessionDays.get().first().id();
        return jdbc.sql("""
                SELECT count(*) FROM attendance_certificate WHERE event_day_id = ?
                AND (position(? IN half_days) > 0 OR (? AND half_days !~ '[0-9]'))""")
                .params(dayId, day.get().date().toString(), first).query(Integer.class).single();
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(SessionDayRemoved removed) {
        jdbc.sql("DELETE FROM attendance WHERE day_id = ? AND session_day_id = ?")
                .params(removed.dayId(), removed.sessionDayId()).update();
        jdbc.sql("DELETE FROM attendance_trainer_signature WHERE day_id = ? AND session_day_id = ?")
                .params(removed.dayId(), removed.sessionDayId()).update();
    }
}
