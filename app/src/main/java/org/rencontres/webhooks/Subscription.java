package org.rencontres.webhooks;

import java.time.Instant;
import java.util.List;

/** A unit's subscription (its secret is never part of it: it is shown once, when made or rotated). */
record Subscription(long id, String organisingUnit, String url, List<WebhookEventType> eventTypes, boolean enabled,
                    Instant createdAt) {
}
