package org.rencontres.notification;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether e-mails leave the application. Without an SMTP server ({@code spring.mail.host} unset, the
 * case after {@code ./mvnw spring-boot:run}) they are kept in the outbox, never sent, and readable on
 * each session's e-mail log page, which says so.
 */
@Component
public class MailDelivery {

    private final boolean smtpConfigured;

    @Autowired
    MailDelivery(Environment environment) {
        this(hasText(environment.getProperty("spring.mail.host"))
                || hasText(environment.getProperty("spring.mail.jndi-name")));
    }

    MailDelivery(boolean smtpConfigured) {
        this.smtpConfigured = smtpConfigured;
    }

    /** True when no SMTP server is configured: e-mails are kept, not sent. */
    public boolean keptNotSent() {
        return !smtpConfigured;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
