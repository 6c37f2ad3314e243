package org.rencontres.privacy;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.rencontres.audit.AuditTrail;
import org.rencontres.event.Day;
import org.rencontres.event.Days;
import org.rencontres.notification.Mailer;
import org.rencontres.registration.Registration;
import org.rencontres.registration.Registrations;
import org.rencontres.security.Organiser;
import org.rencontres.shared.EmailAddress;
import org.rencontres.shared.PersonData;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agents' erasure requests (GDPR article 17): asked from the agent's space, at most one pending per
 * address; handled by an organiser of one of the sessions where the address has a registration, who
 * erases what may be erased (every module's {@link PersonData#erase}, in their order) or refuses with a
 * reason. Either way the agent is told by e-mail, through the outbox, in the same transaction as the
 * change and its audit entries.
 */
@Service
class ErasureRequests {

    private static final String COLUMNS = """
            id, email, registration_id, day_ids, language, requested_at, reason, state, handled_by, handled_at, outcome""";

    private final JdbcClient jdbc;
    private final Registrations registrations;
    private final Days days;
    private final List<PersonData> modules;
    private final AuditTrail audit;
    private final Mailer mailer;
    private final MessageSource messages;
    private final Clock clock;

    ErasureRequests(JdbcClient jdbc, Registrations registrations, Days days, List<PersonData> modules, AuditTrail audit,
                    Mailer mailer, MessageSource messages, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.registrations = registrations;
        this.days = days;
        this.modules = modules;
        this.audit = audit;
        this.mailer = mailer;
        this.messages = messages;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Who could not handle a request: it is not theirs, or no longer pending. */
    static final class NotPendingException extends RuntimeException {
        NotPendingException() {
            super("erasure request already handled");
        }
    }

    Instant now() {
        return Instant.now(clock);
    }

    /** The pending request of that address, if there is one. */
    Optional<ErasureRequest> pendingOf(EmailAddress person) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM privacy_erasure_request WHERE lower(btrim(email)) = lower(btrim(?))"
                        + " AND state = 'PENDING'")
                .param(person.value()).query(ErasureRequests::request).optional();
    }

    /**
     * The agent of {@code registration} asks for erasure; while a request of theirs is pending, asking
     * again adds nothing. The pending request.
     */
    @Transactional
    ErasureRequest ask(Registration registration, String reason) {
        EmailAddress person = new EmailAddress(registration.email());
        Long[] dayIds = registrations.ofAgent(person).stream().map(Registration::dayId).distinct().toArray(Long[]::new);
        jdbc.sql("""
                INSERT INTO privacy_erasure_request (email, registration_id, day_ids, language, requested_at, reason)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (lower(btrim(email))) WHERE state = 'PENDING' DO NOTHING""")
                .params(person.value(), registration.id(), dayIds, registration.language(),
                        OffsetDateTime.ofInstant(now(), ZoneOffset.UTC), reason == null || reason.isBlank() ? null : reason.strip())
                .update();
        return pendingOf(person).orElseThrow();
    }

    /** The requests that organiser may see: pending first (oldest first), then the last ones handled. */
    List<ErasureRequest> visibleTo(Organiser organiser) {
        List<ErasureRequest> visible = new ArrayList<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM privacy_erasure_request"
                        + " ORDER BY state <> 'PENDING', CASE WHEN state = 'PENDING' THEN requested_at END, handled_at DESC LIMIT 500")
                .query(ErasureRequests::request).list().stream()
                .filter(r -> mayHandle(organiser, r)).forEach(visible::add);
        return visible;
    }

    /** The number of pending requests that organiser may handle (the line of their home page). */
    long pendingFor(Organiser organiser) {
        return visibleTo(organiser).stream().filter(ErasureRequest::pending).count();
    }

    /** The request, if that organiser may see it (else as if there were none). */
    Optional<ErasureRequest> find(long id, Organiser organiser) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM privacy_erasure_request WHERE id = ?").param(id)
                .query(ErasureRequests::request).optional().filter(r -> mayHandle(organiser, r));
    }

    /** The person's name as their latest request gave it, while the registration still has it. */
    String nameOf(ErasureRequest request) {
        return registrations.find(request.registrationId())
                .filter(r -> r.email().equalsIgnoreCase(request.email()))
                .map(r -> r.givenName() + " " + r.surname()).orElse(request.email());
    }

    /** Whether the organiser manages one of the sessions of the request. */
    private boolean mayHandle(Organiser organiser, ErasureRequest request) {
        return request.dayIds().stream().map(days::find).flatMap(Optional::stream)
                .anyMatch(day -> organiser.mayManage(day.organisingUnit()));
    }

    /**
     * Erases what every module may erase, records what was erased and kept, audits it on each session
     * and e-mails the agent both lists.
     *
     * @throws NotPendingException when the request is not that organiser's or no longer pending
     */
    @Transactional
    ErasureOutcome erase(long id, Organiser organiser) {
        ErasureRequest request = lockPending(id, organiser);
        Locale locale = Locale.forLanguageTag(request.language());
        EmailAddress person = new EmailAddress(request.email());
        List<String> erased = new ArrayList<>();
        List<PersonData.Kept> kept = new ArrayList<>();
        for (PersonData module : modules) {
            PersonData.Erasure done = module.erase(person, locale);
            erased.addAll(done.erased());
            kept.addAll(done.kept());
        }
        kept.add(new PersonData.Kept(text("privacy.rights.kept.request", locale), text("privacy.rights.kept.request.why", locale)));
        ErasureOutcome outcome = new ErasureOutcome(erased, kept);
        handled(request, organiser, ErasureRequest.State.ERASED,
                outcome.text(text("privacy.rights.outcome.erased", locale), text("privacy.rights.outcome.kept", locale)));
        mailer.queue(request.email(), "privacy/rights-mail-erased", locale, Map.of("erased", erased, "kept", kept,
                "requestedAt", PersonData.at(request.requestedAt(), locale)));
        return outcome;
    }

    /**
     * Refuses the request, with the reason the agent is told by e-mail.
     *
     * @throws NotPendingException when the request is not that organiser's or no longer pending
     */
    @Transactional
    void refuse(long id, Organiser organiser, String reason) {
        ErasureRequest request = lockPending(id, organiser);
        Locale locale = Locale.forLanguageTag(request.language());
        handled(request, organiser, ErasureRequest.State.REFUSED, reason.strip());
        mailer.queue(request.email(), "privacy/rights-mail-refused", locale, Map.of("reason", reason.strip(),
                "requestedAt", PersonData.at(request.requestedAt(), locale)));
    }

    private ErasureRequest lockPending(long id, Organiser organiser) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM privacy_erasure_request WHERE id = ? FOR UPDATE").param(id)
                .query(ErasureRequests::request).optional()
                .filter(r -> r.pending() && mayHandle(organiser, r))
                .orElseThrow(NotPendingException::new);
    }

    private void handled(ErasureRequest request, Organiser organiser, ErasureRequest.State state, String outcome) {
        jdbc.sql("""
                UPDATE privacy_erasure_request SET state = ?, handled_by = ?, handled_by_account = ?, handled_at = ?,
                       outcome = ? WHERE id = ?""")
                .params(state.name(), organiser.displayName(), organiser.accountId(),
                        OffsetDateTime.ofInstant(now(), ZoneOffset.UTC), outcome, request.id())
                .update();
        // The audit names the request, not the person: the entry outlives the data it speaks of.
        String details = (state == ErasureRequest.State.ERASED ? "Données personnelles effacées" : "Effacement refusé")
                + " (demande n° " + request.id() + ")";
        for (long dayId : request.dayIds()) {
            if (days.find(dayId).map(Day::id).isPresent()) {
                audit.record(dayId, organiser.accountId(), organiser.displayName(), "privacy",
                        state == ErasureRequest.State.ERASED ? "erasure" : "erasure.refused", details);
            }
        }
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static ErasureRequest request(ResultSet rs, int n) throws SQLException {
        Array ids = rs.getArray("day_ids");
        List<Long> dayIds = Arrays.stream((Long[]) ids.getArray()).toList();
        OffsetDateTime handledAt = rs.getObject("handled_at", OffsetDateTime.class);
        return new ErasureRequest(rs.getLong("id"), rs.getString("email"), rs.getLong("registration_id"), dayIds,
                rs.getString("language"), rs.getObject("requested_at", OffsetDateTime.class).toInstant(),
                rs.getString("reason"), ErasureRequest.State.valueOf(rs.getString("state")), rs.getString("handled_by"),
                handledAt == null ? null : handledAt.toInstant(), rs.getString("outcome"));
    }
}
