package org.rencontres.notification;

import java.time.Instant;
import java.time.Period;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.shared.RetainedData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the outbox keeps of people (issue 17, retention): the bodies and attachments of the e-mails
 * delivered or given up (a convocation, a certificate), counted from when the e-mail was queued. The row
 * stays (recipient, subject, session, status, dates): the session's e-mail log still shows that the e-mail
 * was sent, and to whom. An e-mail still pending is never touched.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class OutboxRetention implements RetainedData.OfOneKind {

    static final String BODIES = "notification.bodies";

    private static final String EXPIRED = """
            status <> 'PENDING' AND created_at < :cutoff
            AND (text_body <> '' OR html_body IS NOT NULL
                 OR EXISTS (SELECT 1 FROM notification_attachment a WHERE a.outbox_id = notification_outbox.id))""";

    private final JdbcClient jdbc;

    @Override
    public Kind kind() {
        return new Kind(BODIES, Period.ofMonths(3), "privacy.retention.kind.outbox",
                "privacy.retention.reason.outbox");
    }

    @Override
    public long countExpired(Instant cutoff) {
        return jdbc.sql("SELECT count(*) FROM notification_outbox WHERE " + EXPIRED).param("cutoff", RetainedData.utc(cutoff))
                .query(Long.class).single();
    }

    @Override
    public long purge(Instant cutoff) {
        List<Long> ids = jdbc.sql("SELECT id FROM notification_outbox WHERE " + EXPIRED + " FOR UPDATE")
                .param("cutoff", RetainedData.utc(cutoff)).query(Long.class).list();
        if (ids.isEmpty()) {
            return 0;
        }
        jdbc.sql("DELETE FROM notification_attachment WHERE outbox_id IN (:ids)").param("ids", ids).update();
        return jdbc.sql("UPDATE notification_outbox SET text_body = '', html_body = NULL WHERE id IN (:ids)")
                .param("ids", ids).update();
    }
}
