package org.rencontres.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The notification module's test fixture: what the outbox holds for a recipient, so that other modules' tests
 * read the e-mails they cause without knowing the outbox's tables.
 */
public final class QueuedMails {

    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/[^\\s\"<]+)");

    private final JdbcClient jdbc;

    public QueuedMails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A queued (or sent) message as the outbox holds it. */
    public record QueuedMail(long id, String recipient, String subject, String text, OutboxStatus status, int attempts) {
    }

    /** The messages to {@code recipient}, oldest first. */
    public List<QueuedMail> to(String recipient) {
        return jdbc.sql(SELECT + " WHERE recipient = ? ORDER BY id").param(recipient).query(QueuedMails::mail).list();
    }

    /** The messages to the recipients matching the SQL {@code LIKE} pattern, oldest first. */
    public List<QueuedMail> toMatching(String recipientPattern) {
        return jdbc.sql(SELECT + " WHERE recipient LIKE ? ORDER BY id").param(recipientPattern).query(QueuedMails::mail)
                .list();
    }

    /** The messages filed under that session (what its e-mail log lists), oldest first. */
    public List<QueuedMail> ofSession(long dayId) {
        return jdbc.sql(SELECT + " WHERE event_day_id = ? ORDER BY id").param(dayId).query(QueuedMails::mail).list();
    }

    /** The subjects of the messages to {@code recipient}, oldest first. */
    public List<String> subjects(String recipient) {
        return to(recipient).stream().map(QueuedMail::subject).toList();
    }

    /** The messages to {@code recipient} whose subject starts with {@code subjectStart}, oldest first. */
    public List<QueuedMail> to(String recipient, String subjectStart) {
        return to(recipient).stream().filter(m -> m.subject().startsWith(subjectStart)).toList();
    }

    /** The text of the last message to {@code recipient}. */
    public String lastText(String recipient) {
        List<QueuedMail> all = to(recipient);
        if (all.isEmpty()) {
            throw new AssertionError("no e-mail to " + recipient);
        }
        return all.get(all.size() - 1).text();
    }

    /** The path of the last link starting with {@code pathPrefix} in the messages to {@code recipient}, if any. */
    public Optional<String> lastLink(String recipient, String pathPrefix) {
        String found = null;
        for (QueuedMail mail : to(recipient)) {
            Matcher m = LINK.matcher(mail.text());
            while (m.find()) {
                if (m.group(1).startsWith(pathPrefix)) {
                    found = m.group(1);
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * The path of the first link starting with {@code pathPrefix} in the latest message to {@code recipient} that has
     * one, if any.
     */
    public Optional<String> firstLinkOfLatest(String recipient, String pathPrefix) {
        List<QueuedMail> all = to(recipient);
        for (int i = all.size() - 1; i >= 0; i--) {
            Matcher m = LINK.matcher(all.get(i).text());
            while (m.find()) {
                if (m.group(1).startsWith(pathPrefix)) {
                    return Optional.of(m.group(1));
                }
            }
        }
        return Optional.empty();
    }

    /** The content of the first attachment of {@code contentType} of the message {@code id}. */
    public byte[] attachment(long id, String contentType) {
        return jdbc.sql("SELECT content FROM notification_attachment WHERE outbox_id = ? AND content_type = ? ORDER BY position")
                .params(id, contentType).query((rs, n) -> rs.getBytes(1)).list().get(0);
    }

    private static final String SELECT = "SELECT id, recipient, subject, text_body, status, attempts FROM notification_outbox";

    private static QueuedMail mail(ResultSet rs, int n) throws SQLException {
        return new QueuedMail(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"), rs.getString("text_body"),
                OutboxStatus.valueOf(rs.getString("status")), rs.getInt("attempts"));
    }
}
