package org.rencontres.webhooks;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The units' subscriptions and their delivery logs. Which organiser may touch which subscription is decided
 * by {@link WebhookController}'s one loading of the subscription of the address, not here.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class Subscriptions {

    /** The deliveries a log shows, latest first. */
    static final int LOG_SIZE = 100;

    private final JdbcClient jdbc;
    private final WebhookAddresses addresses;

    /** A subscription just made, with its secret, shown once. */
    record Created(long id, String secret) {
    }

    /** What went wrong with a new subscription (nothing saved), or the subscription and its secret. */
    record Outcome(List<FieldProblem> problems, Created created) {
    }

    /** The subscriptions an organiser may see: their unit's, or every unit's for an administrator. */
    List<Subscription> visibleTo(Organiser organiser) {
        String unit = organiser.organisingUnit();
        return unit == null
                ? jdbc.sql(SELECT + " ORDER BY organising_unit, id").query(this::subscription).list()
                : jdbc.sql(SELECT + " WHERE lower(organising_unit) = lower(?) ORDER BY id").param(unit.strip())
                        .query(this::subscription).list();
    }

    Optional<Subscription> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(this::subscription).optional();
    }

    /**
     * Subscribes an address of the organiser's unit (an administrator names the unit) to some events.
     */
    @Transactional
    Outcome create(Organiser organiser, String unitTyped, String url, List<String> types) {
        List<FieldProblem> problems = new ArrayList<>();
        String unit = organiser.organisingUnit() != null ? organiser.organisingUnit().strip()
                : unitTyped == null ? "" : unitTyped.strip();
        if (unit.isEmpty() || unit.length() > 200) {
            problems.add(FieldProblem.of("unite", "webhooks.error.unit"));
        }
        addresses.problem(url).ifPresent(code -> problems.add(FieldProblem.of("url", code)));
        List<WebhookEventType> chosen = types == null ? List.of()
                : types.stream().map(WebhookEventType::ofCode).flatMap(Optional::stream).distinct().toList();
        if (chosen.isEmpty() || chosen.size() != (types == null ? 0 : types.stream().distinct().count())) {
            problems.add(FieldProblem.of("types", "webhooks.error.types"));
        }
        if (!problems.isEmpty()) {
            return new Outcome(problems, null);
        }
        String secret = WebhookSignatures.newSecret();
        long id = jdbc.sql("""
                INSERT INTO webhook_subscription (organising_unit, url, event_types, secret, created_by)
                VALUES (?, ?, ?::text[], ?, ?) RETURNING id""")
                .params(unit, url.strip(), "{" + String.join(",", chosen.stream().map(WebhookEventType::code).toList()) + "}",
                        secret, organiser.accountId())
                .query(Long.class).single();
        return new Outcome(List.of(), new Created(id, secret));
    }

    @Transactional
    void enable(long id, boolean enabled) {
        jdbc.sql("UPDATE webhook_subscription SET enabled = ? WHERE id = ?").params(enabled, id).update();
    }

    /** Deletes a subscription and its log. */
    @Transactional
    void delete(long id) {
        jdbc.sql("DELETE FROM webhook_subscription WHERE id = ?").param(id).update();
    }

    /** A new secret, from now on the only one that signs; shown once. */
    @Transactional
    String rotate(long id) {
        String secret = WebhookSignatures.newSecret();
        jdbc.sql("UPDATE webhook_subscription SET secret = ? WHERE id = ?").params(secret, id).update();
        return secret;
    }

    /** The subscription's latest deliveries. */
    List<Delivery> log(long subscriptionId) {
        return jdbc.sql("""
                SELECT id, message_id, event_type, status, attempts, last_response, last_error, next_attempt_at,
                       created_at, delivered_at
                FROM webhook_delivery WHERE subscription_id = ? ORDER BY id DESC LIMIT ?""")
                .params(subscriptionId, LOG_SIZE)
                .query((rs, n) -> new Delivery(rs.getLong("id"), rs.getString("message_id"), rs.getString("event_type"),
                        rs.getString("status"), rs.getInt("attempts"), (Integer) rs.getObject("last_response"),
                        rs.getString("last_error"), instant(rs, "next_attempt_at"), instant(rs, "created_at"),
                        instant(rs, "delivered_at")))
                .list();
    }

    /**
     * Sends a delivery of that subscription again, now, with its attempts counted from zero (same message id,
     * so that a receiver that got it already can tell).
     *
     * @return whether there was such a delivery
     */
    @Transactional
    boolean resend(long subscriptionId, long deliveryId) {
        return jdbc.sql("""
                UPDATE webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = now(), last_error = NULL
                WHERE id = ? AND subscription_id = ?""")
                .params(deliveryId, subscriptionId).update() == 1;
    }

    private static final String SELECT = """
            SELECT id, organising_unit, url, event_types, enabled, created_at FROM webhook_subscription""";

    private Subscription subscription(ResultSet rs, int n) throws SQLException {
        Array types = rs.getArray("event_types");
        List<WebhookEventType> eventTypes = Arrays.stream((String[]) types.getArray()).map(WebhookEventType::ofCode)
                .flatMap(Optional::stream).toList();
        return new Subscription(rs.getLong("id"), rs.getString("organising_unit"), rs.getString("url"), eventTypes,
                rs.getBoolean("enabled"), instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
