package org.rencontres.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.rencontres.attendance.CertificateIssued;
import org.rencontres.attendance.CheckedIn;
import org.rencontres.event.Day;
import org.rencontres.event.DayChanged;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCancelled;
import org.rencontres.event.SessionPublished;
import org.rencontres.registration.RegistrationChanged;
import org.rencontres.registration.RegistrationCreated;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the modules' events into deliveries: one row of {@code webhook_delivery} per enabled subscription of the
 * session's unit that asked for that type. The listeners run {@link TransactionPhase#BEFORE_COMMIT}, in the
 * transaction of the change itself: the deliveries are committed with the change or rolled back with it, so there
 * is never a webhook for a change that did not happen nor a change without its webhooks, and nothing depends on a
 * second transaction after the commit (Modulith's {@code @ApplicationModuleListener} runs after the commit, in
 * another transaction, and a crash between the two would leave the event to its publication registry). Before the
 * commit rather than at publication: the payload reads the session as the whole transaction left it. A change made
 * outside a transaction (fallbackExecution) writes its deliveries at once.
 */
@Component
class WebhookEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Days days;
    private final Clock clock;

    WebhookEvents(JdbcClient jdbc, Days days, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.days = days;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(RegistrationCreated e) {
        day(e.dayId()).ifPresent(day -> queue(day, WebhookEventType.REGISTRATION_CREATED,
                data(day, "registrationId", e.registrationId(), "state", "REQUESTED")));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(RegistrationChanged e) {
        day(e.registration().dayId()).ifPresent(day -> queue(day, WebhookEventType.REGISTRATION_CHANGED,
                data(day, "registrationId", e.registration().id(), "from", e.from() == null ? null : e.from().name(),
                        "to", e.to().name())));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(SessionPublished e) {
        day(e.dayId()).ifPresent(day -> queue(day, WebhookEventType.SESSION_PUBLISHED, session(day)));
    }

    /** Every change of a session that is public (not a draft's, not a deleted draft's). */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(DayChanged e) {
        day(e.dayId()).filter(day -> day.status() != DayStatus.DRAFT)
                .ifPresent(day -> queue(day, WebhookEventType.SESSION_CHANGED, session(day)));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(SessionCancelled e) {
        day(e.dayId()).ifPresent(day -> {
            Map<String, Object> data = session(day);
            data.put("message", e.message());
            queue(day, WebhookEventType.SESSION_CANCELLED, data);
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(CheckedIn e) {
        day(e.dayId()).ifPresent(day -> queue(day, WebhookEventType.CHECK_IN,
                data(day, "registrationId", e.registrationId(), "walkInId", e.walkInId(),
                        "halfDay", e.halfDay().name(), "presentAt", e.presentAt().toString())));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(CertificateIssued e) {
        day(e.dayId()).ifPresent(day -> queue(day, WebhookEventType.CERTIFICATE_ISSUED,
                data(day, "registrationId", e.registrationId(), "walkInId", e.walkInId())));
    }

    private Optional<Day> day(long dayId) {
        return days.find(dayId).filter(day -> day.organisingUnit() != null && !day.organisingUnit().isBlank());
    }

    private static Map<String, Object> session(Day day) {
        Map<String, Object> data = data(day);
        data.put("title", day.title());
        data.put("status", day.status().name());
        return data;
    }

    /** The session's code, then the pairs given (no personal data: ids, states, times). */
    private static Map<String, Object> data(Day day, Object... pairs) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sessionCode", day.sessionCode().value());
        for (int i = 0; i < pairs.length; i += 2) {
            data.put((String) pairs[i], pairs[i + 1]);
        }
        return data;
    }

    private void queue(Day day, WebhookEventType type, Map<String, Object> data) {
        Instant now = clock.instant();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type.code());
        payload.put("timestamp", now.toString());
        payload.put("data", data);
        String body = JSON.writeValueAsString(payload);
        for (Long subscription : jdbc.sql("""
                SELECT id FROM webhook_subscription
                WHERE enabled AND lower(organising_unit) = lower(?) AND ? = ANY (event_types) ORDER BY id""")
                .params(day.organisingUnit().strip(), type.code()).query(Long.class).list()) {
            jdbc.sql("""
                    INSERT INTO webhook_delivery (subscription_id, message_id, event_type, payload)
                    VALUES (?, ?, ?, ?)""")
                    .params(subscription, "msg_" + UUID.randomUUID(), type.code(), body).update();
        }
    }
}
