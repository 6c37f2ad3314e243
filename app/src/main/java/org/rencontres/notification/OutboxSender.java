package org.rencontres.notification;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The worker that delivers the outbox. Each poll claims a batch of due messages with
 * {@code SELECT … FOR UPDATE SKIP LOCKED}, sends them and records the outcome in the same transaction:
 * the row locks are held until the outcome is committed, so several workers, in one instance or in
 * several, never claim the same message. A failure counts an attempt and schedules the next one with
 * exponential back-off; after {@code rencontres.mail.max-attempts} failures the message is marked
 * FAILED and kept. Off when {@code rencontres.mail.enabled=false} (messages are still queued). Without an
 * SMTP server ({@code spring.mail.host} unset, so no {@link JavaMailSender}) it says once at start that
 * e-mails are kept, not sent, and then never polls: no warning at every retry, every message stays
 * readable on its session's e-mail log page.
 */
@Component
@ConditionalOnProperty(name = "rencontres.mail.enabled", havingValue = "true", matchIfMissing = true)
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JavaMailSender mailSender;
    private final NotificationProperties properties;
    private final MessageIds messageIds;

    @Autowired
    OutboxSender(JdbcClient jdbc, PlatformTransactionManager transactionManager,
            ObjectProvider<JavaMailSender> mailSender, NotificationProperties properties, MessageIds messageIds) {
        this(jdbc, transactionManager, mailSender.getIfAvailable(), properties, messageIds);
    }

    /** @param mailSender the SMTP sender, or {@code null} when no SMTP server is configured */
    OutboxSender(JdbcClient jdbc, PlatformTransactionManager transactionManager, JavaMailSender mailSender,
            NotificationProperties properties, MessageIds messageIds) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.mailSender = mailSender;
        this.properties = properties;
        this.messageIds = messageIds;
        if (mailSender == null) {
            log.info("No SMTP server configured (spring.mail.host): e-mails are kept in the outbox, not sent; "
                    + "read them on each session's e-mail log page (/admin/journees/<code>/courriels)");
        }
    }

    /** Whether this worker sends e-mails (false when no SMTP server is configured). */
    boolean sends() {
        return mailSender != null;
    }

    @Scheduled(fixedDelayString = "${rencontres.mail.poll-delay:5s}", initialDelayString = "${rencontres.mail.poll-delay:5s}")
    void poll() {
        if (mailSender == null) {
            return;
        }
        try {
            while (sendDue() == properties.batchSize()) {
                // a full batch: more may be due
            }
        } catch (RuntimeException e) {
            log.warn("Outbox poll failed; trying again at the next poll", e);
        }
    }

    /** Claims and sends one batch of due messages; returns how many were claimed. */
    int sendDue() {
        if (mailSender == null) {
            return 0;
        }
        Integer claimed = transactions.execute(status -> {
            List<Pending> batch = jdbc.sql("""
                    SELECT id, recipient, subject, text_body, html_body, attempts
                    FROM notification_outbox
                    WHERE status = 'PENDING' AND next_attempt_at <= clock_timestamp()
                    ORDER BY next_attempt_at, id
                    LIMIT ?
                    FOR UPDATE SKIP LOCKED""")
                    .param(properties.batchSize())
                    .query((rs, n) -> new Pending(rs.getLong("id"), rs.getString("recipient"),
                            rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"),
                            rs.getInt("attempts")))
                    .list();
            for (Pending message : batch) {
                deliver(message);
            }
            return batch.size();
        });
        return claimed == null ? 0 : claimed;
    }

    private void deliver(Pending message) {
        try {
            mailSender.send(mime(message));
            jdbc.sql("""
                    UPDATE notification_outbox
                    SET status = 'SENT', sent_at = clock_timestamp(), attempts = attempts + 1, last_error = NULL
                    WHERE id = ?""").param(message.id()).update();
        } catch (RuntimeException | MessagingException e) {
            int attempts = message.attempts() + 1;
            boolean giveUp = attempts >= properties.maxAttempts();
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            jdbc.sql("""
                    UPDATE notification_outbox
                    SET attempts = ?, last_error = ?, status = ?,
                        next_attempt_at = clock_timestamp() + make_interval(secs => ?)
                    WHERE id = ?""")
                    .params(attempts, error.length() > 2000 ? error.substring(0, 2000) : error,
                            giveUp ? "FAILED" : "PENDING",
                            properties.backoff(attempts).toMillis() / 1000.0, message.id())
                    .update();
            if (giveUp) {
                log.error("E-mail {} to {} given up after {} attempts: {}", message.id(), message.recipient(),
                        attempts, error);
            } else {
                log.warn("E-mail {} not sent (attempt {}), next try in {}: {}", message.id(), attempts,
                        properties.backoff(attempts), error);
            }
        }
    }

    private MimeMessage mime(Pending message) throws MessagingException {
        MimeMessage mime = mailSender.createMimeMessage();
        List<StoredAttachment> attachments = jdbc.sql("""
                SELECT file_name, content_type, content FROM notification_attachment
                WHERE outbox_id = ? ORDER BY position""")
                .param(message.id())
                .query((rs, n) -> new StoredAttachment(rs.getString("file_name"), rs.getString("content_type"),
                        rs.getBytes("content")))
                .list();
        boolean multipart = message.html() != null || !attachments.isEmpty();
        MimeMessageHelper helper = new MimeMessageHelper(mime, multipart, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(message.recipient());
        helper.setSubject(message.subject());
        if (message.html() != null) {
            helper.setText(message.text(), message.html());
        } else {
            helper.setText(message.text(), false);
        }
        for (StoredAttachment attachment : attachments) {
            helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
                    attachment.contentType());
        }
        // JavaMailSenderImpl keeps a Message-ID set before sending.
        mime.setHeader("Message-ID", messageIds.of(message.id()));
        return mime;
    }

    private record Pending(long id, String recipient, String subject, String text, String html, int attempts) {
    }

    private record StoredAttachment(String fileName, String contentType, byte[] content) {
    }
}
