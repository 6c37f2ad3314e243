package org.rencontres.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts the due deliveries. Each call claims a batch with {@code SELECT … FOR UPDATE SKIP LOCKED}, posts each and
 * records the outcome in the same transaction: the row locks are held until the outcome is committed, so two
 * senders (two threads, two instances) never post the same delivery at once, and once committed it is no longer
 * due. A 2xx answer delivers; anything else (another status, a time-out, a refused address) counts an attempt and
 * schedules the next one after 1 min, 5 min, 30 min, 2 h, 6 h; the sixth failure marks it FAILED (« Renvoyer »
 * on its log starts again). No redirect is followed.
 */
@Component
class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    /** The wait after the n-th failed attempt; after the last one, the delivery has failed. */
    static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(6));
    static final int BATCH = 20;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final WebhookAddresses addresses;
    private final HttpClient http;
    private final Duration requestTimeout;

    WebhookSender(JdbcClient jdbc, PlatformTransactionManager transactionManager, WebhookAddresses addresses,
                  @Value("${rencontres.webhooks.connect-timeout:5s}") Duration connectTimeout,
                  @Value("${rencontres.webhooks.request-timeout:10s}") Duration requestTimeout) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.addresses = addresses;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Posts every delivery due at {@code now}, batch after batch; returns how many were claimed. */
    int sendAllDue(Instant now) {
        int total = 0;
        int claimed;
        do {
            claimed = sendDue(now);
            total += claimed;
        } while (claimed == BATCH);
        return total;
    }

    /** Claims and posts one batch of deliveries due at {@code now}; returns how many were claimed. */
    int sendDue(Instant now) {
        Integer claimed = transactions.execute(status -> {
            List<Due> batch = jdbc.sql("""
                    SELECT d.id, d.message_id, d.payload, d.attempts, s.url, s.secret
                    FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
                    WHERE d.status = 'PENDING' AND d.next_attempt_at <= ? AND s.enabled
                    ORDER BY d.next_attempt_at, d.id
                    LIMIT ?
                    FOR UPDATE OF d SKIP LOCKED""")
                    .params(Timestamp.from(now), BATCH)
                    .query((rs, n) -> new Due(rs.getLong("id"), rs.getString("message_id"), rs.getString("payload"),
                            rs.getInt("attempts"), rs.getString("url"), rs.getString("secret")))
                    .list();
            for (Due due : batch) {
                deliver(due, now);
            }
            return batch.size();
        });
        return claimed == null ? 0 : claimed;
    }

    private void deliver(Due due, Instant now) {
        Integer code = null;
        String error;
        try {
            URI uri = URI.create(due.url());
            if (!addresses.allowed(uri)) {
                throw new IOException("address refused: it resolves to this machine or a private network");
            }
            long timestamp = now.getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Rencontres-Webhooks")
                    .header("webhook-id", due.messageId())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignatures.sign(due.secret(), due.messageId(), timestamp, due.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(due.payload(), StandardCharsets.UTF_8))
                    .build();
            code = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (code >= 200 && code < 300) {
                jdbc.sql("""
                        UPDATE webhook_delivery SET status = 'DELIVERED', attempts = attempts + 1, last_response = ?,
                            last_error = NULL, delivered_at = ?
                        WHERE id = ?""").params(code, Timestamp.from(now), due.id()).update();
                return;
            }
            error = "HTTP " + code;
        } catch (IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        int attempts = due.attempts() + 1;
        boolean giveUp = attempts > BACKOFF.size();
        Instant next = giveUp ? now : now.plus(BACKOFF.get(attempts - 1));
        jdbc.sql("""
                UPDATE webhook_delivery SET status = ?, attempts = ?, last_response = ?, last_error = ?, next_attempt_at = ?
                WHERE id = ?""")
                .params(giveUp ? "FAILED" : "PENDING", attempts, code,
                        error.length() > 500 ? error.substring(0, 500) : error, Timestamp.from(next), due.id())
                .update();
        log.warn("Webhook {} not delivered (attempt {}){}: {}", due.messageId(), attempts,
                giveUp ? ", given up" : ", next at " + next, error);
    }

    private record Due(long id, String messageId, String payload, int attempts, String url, String secret) {
    }
}
