/**
 * E-mail that is never lost: {@link org.rencontres.notification.Outbox#send} writes a message into the
 * outbox table in the caller's transaction, a worker sends it later through the SMTP server with
 * retries and exponential back-off; {@link org.rencontres.notification.MailTemplates} renders the
 * French and English Thymeleaf templates (plain text and HTML) of a message.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package org.rencontres.notification;
