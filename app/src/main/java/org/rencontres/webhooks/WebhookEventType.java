package org.rencontres.webhooks;

import java.util.Arrays;
import java.util.Optional;

/** What a subscription may be told of; {@link #code} is the payload's {@code type} and what the database keeps. */
enum WebhookEventType {
    REGISTRATION_CREATED("registration.created"),
    REGISTRATION_CHANGED("registration.changed"),
    SESSION_PUBLISHED("session.published"),
    SESSION_CHANGED("session.changed"),
    SESSION_CANCELLED("session.cancelled"),
    CHECK_IN("attendance.checked_in"),
    CERTIFICATE_ISSUED("certificate.issued");

    private final String code;

    WebhookEventType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static Optional<WebhookEventType> ofCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
