package org.rencontres.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbox's sender.
 *
 * @param enabled whether this instance runs the sender worker (messages are queued either way)
 * @param from the sender address of every e-mail
 * @param pollDelay the pause between two polls of the outbox
 * @param batchSize how many due messages one poll claims
 * @param retryBase the wait after the first failure; doubled at each further failure
 * @param retryMax the longest wait between two attempts
 * @param maxAttempts failures after which a message is marked FAILED
 */
@ConfigurationProperties("rencontres.mail")
record NotificationProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("Rencontres <ne-pas-repondre@rencontres.invalid>") String from,
        @DefaultValue("5s") Duration pollDelay,
        @DefaultValue("20") int batchSize,
        @DefaultValue("30s") Duration retryBase,
        @DefaultValue("1h") Duration retryMax,
        @DefaultValue("12") int maxAttempts) {

    /** The wait before the next attempt after {@code attempts} failures: base × 2^(attempts − 1), capped. */
    Duration backoff(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        Duration wait = retryBase.multipliedBy(1L << doublings);
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }
}
