package org.rencontres.attendance;

import java.time.Instant;
import java.time.Period;
import java.util.Base64;
import java.util.List;
import java.util.function.ToLongFunction;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.EndedSessions;
import org.rencontres.shared.RetainedData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What attendance keeps of people (issue 17, retention), counted from the session's last day: the
 * signatures of the sheets (trainees' and trainers') with the names of the people who came without a
 * registration, and the certificates. Presences are never deleted (the dashboard counts them per
 * half-day): a signature is replaced by a blank image and a walk-in's name and e-mail are cleared, so that
 * the sheet still shows who was present, unsigned. A certificate is deleted (its code no longer verifies).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AttendanceRetention implements RetainedData {

    static final String SIGNATURES = "attendance.signatures";
    static final String CERTIFICATES = "attendance.certificates";

    /** A transparent image of one pixel: what a signature becomes (the sheet's image stays readable). */
    static final byte[] BLANK = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    private final JdbcClient jdbc;
    private final EndedSessions ended;

    @Override
    public List<Kind> kinds() {
        return List.of(
                new Kind(SIGNATURES, Period.ofYears(3), "privacy.retention.kind.signatures",
                        "privacy.retention.reason.signatures"),
                new Kind(CERTIFICATES, Period.ofYears(3), "privacy.retention.kind.certificates",
                        "privacy.retention.reason.certificates"));
    }

    @Override
    public long countExpired(String kind, Instant cutoff) {
        return withEnded(cutoff, days -> switch (kind) {
            case SIGNATURES -> count("""
                    SELECT (SELECT count(*) FROM attendance
                            WHERE day_id IN (:days) AND signature IS NOT NULL AND signature_cleared_at IS NULL)
                         + (SELECT count(*) FROM attendance_trainer_signature
                            WHERE day_id IN (:days) AND signature_cleared_at IS NULL)
                         + (SELECT count(*) FROM attendance_walk_in WHERE day_id IN (:days) AND anonymised_at IS NULL)""",
                    days);
            case CERTIFICATES -> count("SELECT count(*) FROM attendance_certificate WHERE event_day_id IN (:days)", days);
            default -> throw new IllegalArgumentException(kind);
        });
    }

    @Override
    public long purge(String kind, Instant cutoff) {
        return withEnded(cutoff, days -> switch (kind) {
            case SIGNATURES -> jdbc.sql("""
                            UPDATE attendance SET signature = :blank, signature_cleared_at = clock_timestamp()
                            WHERE day_id IN (:days) AND signature IS NOT NULL AND signature_cleared_at IS NULL""")
                    .param("blank", BLANK).param("days", days).update()
                    + jdbc.sql("""
                            UPDATE attendance_trainer_signature SET signature = :blank, signature_cleared_at = clock_timestamp()
                            WHERE day_id IN (:days) AND signature_cleared_at IS NULL""")
                    .param("blank", BLANK).param("days", days).update()
                    + jdbc.sql("""
                            UPDATE attendance_walk_in SET surname = 'Anonyme', given_name = 'Anonyme', email = NULL,
                                   anonymised_at = clock_timestamp()
                            WHERE day_id IN (:days) AND anonymised_at IS NULL""")
                    .param("days", days).update();
            case CERTIFICATES -> jdbc.sql("DELETE FROM attendance_certificate WHERE event_day_id IN (:days)")
                    .param("days", days).update();
            default -> throw new IllegalArgumentException(kind);
        });
    }

    private long count(String sql, List<Long> days) {
        return jdbc.sql(sql).param("days", days).query(Long.class).single();
    }

    private long withEnded(Instant cutoff, ToLongFunction<List<Long>> query) {
        List<Long> days = ended.endedBefore(cutoff);
        return days.isEmpty() ? 0 : query.applyAsLong(days);
    }
}
