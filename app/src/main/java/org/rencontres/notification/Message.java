package org.rencontres.notification;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * An e-mail to write into the outbox.
 *
 * @param to the recipient's address
 * @param subject the subject line
 * @param text the plain-text part
 * @param html the HTML part, or {@code null}
 * @param attachments attached files, possibly none
 * @param dedupKey when not {@code null}, a second message with the same key is not queued again
 *        (for instance {@code "registration-42-confirmed"})
 * @param dayId the session the message belongs to, shown in that session's e-mail log, or {@code null}
 *        (a message about no session: a password reset, a directory change)
 */
public record Message(String to, String subject, String text, String html, List<Attachment> attachments,
        String dedupKey, Long dayId) {

    /** A message that belongs to no session. */
    public Message(String to, String subject, String text, String html, List<Attachment> attachments,
            String dedupKey) {
        this(to, subject, text, html, attachments, dedupKey, null);
    }

    public Message {
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("An e-mail needs a recipient");
        }
        try {
            new InternetAddress(to.strip(), true).validate();
        } catch (AddressException e) {
            throw new IllegalArgumentException("Not an e-mail address: " + to, e);
        }
        to = to.strip();
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("An e-mail needs a subject");
        }
        if (text == null) {
            throw new IllegalArgumentException("An e-mail needs a plain-text part");
        }
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A message to {@code to} with rendered content, no attachment and no dedup key. */
    public static Message of(String to, MailContent content) {
        return new Message(to, content.subject(), content.text(), content.html(), List.of(), null);
    }

    /** The same message with one more attachment. */
    public Message withAttachment(Attachment attachment) {
        List<Attachment> more = new ArrayList<>(attachments);
        more.add(attachment);
        return new Message(to, subject, text, html, more, dedupKey, dayId);
    }

    /** The same message, queued at most once for this key. */
    public Message withDedupKey(String key) {
        return new Message(to, subject, text, html, attachments, key, dayId);
    }

    /** The same message, filed under session {@code dayId} (its e-mail log lists it). */
    public Message withDay(long dayId) {
        return new Message(to, subject, text, html, attachments, dedupKey, dayId);
    }
}
