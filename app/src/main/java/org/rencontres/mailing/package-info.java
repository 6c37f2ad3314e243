/**
 * What a session's organisers read and write by e-mail: the session's e-mail log (every message the
 * outbox holds for it, its state, its text and HTML, resending a copy; in the notification module's
 * {@link org.rencontres.notification.MailLog}) and the bulk e-mail to its participants chosen by state,
 * workshop, organisation, networking opt-in or attendance, with placeholders, a preview and a count,
 * sent through the outbox one message a person. It owns no table: it reads registration, directory,
 * workshops and attendance through their public APIs and writes to the outbox and the audit trail.
 */
@ApplicationModule(displayName = "Mailing")
package org.rencontres.mailing;

import org.springframework.modulith.ApplicationModule;
