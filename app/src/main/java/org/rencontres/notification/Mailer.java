package org.rencontres.notification;

import java.util.Locale;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Queues an e-mail written from a template: {@link MailTemplates} renders it in the recipient's
 * language and {@link Outbox} writes it in the caller's transaction. For the modules whose messages
 * need nothing else (no attachment, no dedup key); the others build their {@link Message} themselves.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Mailer {

    private final MailTemplates templates;
    private final Outbox outbox;

    /**
     * Renders template {@code name} (see {@link MailTemplates#render}) and queues it to {@code to}, in
     * the current transaction (there must be one, as for {@link Outbox#send}).
     *
     * @return the message's outbox id
     */
    public long queue(String to, String name, Locale locale, Map<String, ?> variables) {
        return outbox.send(Message.of(to, templates.render(name, locale, variables)));
    }

    /** As {@link #queue(String, String, Locale, Map)}, the message filed under session {@code dayId}. */
    public long queue(long dayId, String to, String name, Locale locale, Map<String, ?> variables) {
        return outbox.send(Message.of(to, templates.render(name, locale, variables)).withDay(dayId));
    }
}
