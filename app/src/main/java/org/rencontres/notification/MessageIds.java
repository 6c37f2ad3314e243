package org.rencontres.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.stereotype.Component;

/**
 * The Message-ID header of an outbox message, derived from its id and the sender's domain, so that
 * a message delivered twice (a crash between the SMTP server's acceptance and the commit) can be
 * recognised as the same message.
 */
@Component
class MessageIds {

    private final String domain;

    MessageIds(NotificationProperties properties) {
        this.domain = domainOf(properties.from());
    }

    String of(long outboxId) {
        return "<outbox-" + outboxId + "@" + domain + ">";
    }

    private static String domainOf(String from) {
        try {
            String address = new InternetAddress(from).getAddress();
            int at = address.lastIndexOf('@');
            return at < 0 ? "rencontres.invalid" : address.substring(at + 1);
        } catch (AddressException e) {
            throw new IllegalStateException("rencontres.mail.from is not an address: " + from, e);
        }
    }
}
