package org.rencontres.registration;

import static org.rencontres.registration.RegistrationRows.COLUMNS;
import static org.rencontres.registration.RegistrationRows.utc;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The automatic reminder of a line manager or a training service that has not answered a request
 * within {@code rencontres.registration.approver-reminder-days} (run by {@link RegistrationJobs}):
 * a fresh link, once per request and step, never twice (a row of {@code registration_approver_reminder}
 * per request and step). A request that only the organiser can decide is not reminded here: the
 * organisers' digest lists it.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ApproverReminders {

    private final JdbcClient jdbc;
    private final RegistrationMails mails;

    /**
     * Reminds the approvers of every request that has waited at their step for {@code after} or more
     * at {@code now} and has not been reminded at that step; safe on several instances at once (rows
     * locked, locked ones skipped; the reminder's row is the proof it was sent).
     *
     * @return how many requests were reminded
     */
    @Transactional
    int remindDue(Instant now, Duration after) {
        List<Registration> due = jdbc.sql("SELECT " + COLUMNS + """
                 FROM registration
                WHERE state IN ('AWAITING_MANAGER', 'AWAITING_TRAINING_SERVICE')
                  AND NOT EXISTS (SELECT 1 FROM registration_approver_reminder a
                                   WHERE a.registration_id = registration.id AND a.step = registration.state)
                  AND (SELECT max(t.at) FROM registration_transition t WHERE t.registration_id = registration.id) <= ?
                ORDER BY id FOR UPDATE SKIP LOCKED""")
                .param(utc(now.minus(after))).query(RegistrationRows::registrationOf).list();
        int reminded = 0;
        for (Registration r : due) {
            Instant since = jdbc.sql("SELECT max(at) FROM registration_transition WHERE registration_id = ?")
                    .param(r.id()).query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).single();
            int inserted = jdbc.sql("""
                    INSERT INTO registration_approver_reminder (registration_id, step, reminded_at, recipients)
                    VALUES (?, ?, ?, 0) ON CONFLICT DO NOTHING""")
                    .params(r.id(), r.state().name(), utc(now)).update();
            if (inserted == 0) {
                continue;
            }
            int sent = mails.askAgain(r, true, since);
            jdbc.sql("UPDATE registration_approver_reminder SET recipients = ? WHERE registration_id = ? AND step = ?")
                    .params(sent, r.id(), r.state().name()).update();
            if (sent > 0) {
                reminded++;
            }
        }
        return reminded;
    }

    /** When the request was reminded automatically at its present step, if it was. */
    java.util.Optional<Instant> remindedAt(Registration r) {
        return jdbc.sql("SELECT reminded_at FROM registration_approver_reminder WHERE registration_id = ? AND step = ?")
                .params(r.id(), r.state().name())
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).optional();
    }
}
