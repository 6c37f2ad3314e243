package org.rencontres.notification;

/**
 * A rendered e-mail, before it has a recipient.
 *
 * @param subject the subject line
 * @param text the plain-text part
 * @param html the HTML part, or {@code null} for a plain-text e-mail
 */
public record MailContent(String subject, String text, String html) {
}
