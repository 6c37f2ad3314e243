package org.rencontres.registration;

import static org.rencontres.registration.RegistrationRows.COLUMNS;
import static org.rencontres.registration.RegistrationRows.utc;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The reminder e-mail that confirmed agents get a few days before their day (run by {@link RegistrationJobs}). */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RegistrationReminders {

    private final JdbcClient jdbc;
    private final RegistrationMails mails;

    /**
     * Sends the reminder to every confirmed agent whose day begins within {@code before} of
     * {@code now} and who has not had it yet; safe to run on several instances at once (rows locked,
     * locked ones skipped).
     *
     * @return how many reminders were queued
     */
    @Transactional
    int remindDue(Instant now, Duration before) {
        List<Registration> due = jdbc.sql("SELECT " + COLUMNS + """
                 FROM registration WHERE state = 'CONFIRMED' AND reminded_at IS NULL
                ORDER BY event_day_id, id FOR UPDATE SKIP LOCKED""")
                .query(RegistrationRows::registrationOf).list();
        Map<Long, Boolean> soon = new HashMap<>();
        int sent = 0;
        for (Registration r : due) {
            boolean inWindow = soon.computeIfAbsent(r.dayId(), dayId -> mails.beginsWithin(dayId, now, before));
            if (inWindow) {
                mails.remind(r);
                jdbc.sql("UPDATE registration SET reminded_at = ? WHERE id = ?").params(utc(now), r.id()).update();
                sent++;
            }
        }
        return sent;
    }
}
