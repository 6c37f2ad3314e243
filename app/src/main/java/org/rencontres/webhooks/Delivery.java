package org.rencontres.webhooks;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** One event posted (or to post) to one subscription, as its log shows it. */
record Delivery(long id, String messageId, String eventType, String status, int attempts, Integer lastResponse,
                String lastError, Instant nextAttemptAt, Instant createdAt, Instant deliveredAt) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
            .withZone(ZoneId.of("Europe/Paris"));

    boolean pending() {
        return "PENDING".equals(status);
    }

    public String createdShown() {
        return shown(createdAt);
    }

    public String nextShown() {
        return pending() ? shown(nextAttemptAt) : "";
    }

    /** A time of the log as the page shows it (Paris time), or an empty text. */
    static String shown(Instant at) {
        return at == null ? "" : SHOWN.format(at);
    }
}
