package org.rencontres.registration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registration module's operations: requests, the moves of the approval chain, seats and the
 * waiting list.
 *
 * <p>Every change of a registration first locks its day's {@code registration_capacity} row
 * ({@code SELECT … FOR UPDATE}), then the registration's row, in this order, and counts seats only
 * while holding that lock. So the seats of a day are counted and taken one transaction at a time
 * on one database, whatever the number of threads or application instances: never more CONFIRMED
 * (plus OFFERED) registrations than seats, and waiting-list positions handed out in order, without
 * gaps. A seat freed by a withdrawal, a cancellation, a refusal or an expired offer is offered in
 * the same transaction to the first of the waiting list.
 *
 * <p>{@code actor} is who acts, as text (an e-mail address, "Agent", an organiser's name); it is
 * recorded with each transition.
 */
@Service
public class Registrations {

    /** The actor of the automatic moves (offers of freed seats, expired offers). */
    public static final String SYSTEM = "Système";

    private static final String COLUMNS = """
            id, event_day_id, state, surname, given_name, email, phone, position_service, employer_organisation_id,
            employer_name, line_manager_email, dietary_needs, accessibility_needs, consent_at, waiting_position,
            offer_deadline, version, created_at""";

    private final JdbcClient jdbc;
    private final Clock clock;

    Registrations(JdbcClient jdbc, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    // ---- capacity ----

    /**
     * Sets the day's seats, the time a waiting-listed agent has to accept a freed seat, and whether
     * requests go to the line manager first. Seats added are offered to the waiting list at once;
     * seats removed only stop new confirmations (nobody confirmed loses a seat).
     */
    @Transactional
    public void setCapacity(Capacity capacity) {
        jdbc.sql("""
                INSERT INTO registration_capacity (event_day_id, seats, offer_hours, manager_opinion_asked)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (event_day_id) DO UPDATE SET seats = excluded.seats, offer_hours = excluded.offer_hours,
                    manager_opinion_asked = excluded.manager_opinion_asked""")
                .params(capacity.dayId(), capacity.seats(), capacity.offerHours(), capacity.managerOpinionAsked())
                .update();
        Capacity locked = lockCapacity(capacity.dayId()).orElseThrow();
        offerFreedSeats(locked, clock.instant());
    }

    public Optional<Capacity> capacity(long dayId) {
        return jdbc.sql("SELECT event_day_id, seats, offer_hours, manager_opinion_asked FROM registration_capacity"
                        + " WHERE event_day_id = ?")
                .param(dayId).query(Registrations::capacityOf).optional();
    }

    // ---- the request ----

    /**
     * Records an agent's request for a day, in state REQUESTED.
     *
     * @return the registration's id
     * @throws DuplicateRegistrationException when the agent (same e-mail, whatever its case) already
     *                                        has a live request for the day
     */
    @Transactional
    public long request(long dayId, RequestDraft draft) {
        if (hasLiveRequest(dayId, draft.email())) {
            throw new DuplicateRegistrationException(dayId, draft.email());
        }
        long id;
        try {
            id = jdbc.sql("""
                    INSERT INTO registration (event_day_id, surname, given_name, email, phone, position_service,
                        employer_organisation_id, employer_name, line_manager_email, dietary_needs, accessibility_needs,
                        consent_at, state)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED') RETURNING id""")
                    .params(dayId, draft.surname(), draft.givenName(), draft.email(), draft.phone(),
                            draft.positionService(), draft.employerOrganisationId(), draft.employerName(),
                            draft.lineManagerEmail(), draft.dietaryNeeds(), draft.accessibilityNeeds(),
                            utc(draft.consentAt()))
                    .query(Long.class).single();
        } catch (DuplicateKeyException raced) {
            // Another request of the same agent committed between the check and the insert.
            throw new DuplicateRegistrationException(dayId, draft.email());
        }
        record(id, null, RegistrationState.REQUESTED, draft.email(), null);
        return id;
    }

    /** Whether the agent (e-mail, whatever its case) has a live request for the day. */
    public boolean hasLiveRequest(long dayId, String email) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM registration WHERE event_day_id = ? AND lower(btrim(email)) = lower(btrim(?))
                    AND state NOT IN ('REFUSED', 'WITHDRAWN', 'CANCELLED', 'EXPIRED'))""")
                .params(dayId, email).query(Boolean.class).single();
    }

    // ---- the approval chain ----

    /**
     * Moves a registration to the next step of the chain: REQUESTED goes to AWAITING_MANAGER when
     * the day asks for the line manager's opinion, else to AWAITING_TRAINING_SERVICE; then
     * AWAITING_ORGANISER; from AWAITING_ORGANISER this is {@link #confirm}.
     *
     * @return the new state
     * @throws IllegalTransitionException when the registration is not on the chain any more
     */
    @Transactional
    public RegistrationState advance(long id, String actor, String reason) {
        Locked l = lock(id);
        RegistrationState next = switch (l.registration.state()) {
            case REQUESTED -> l.capacity != null && l.capacity.managerOpinionAsked()
                    ? RegistrationState.AWAITING_MANAGER : RegistrationState.AWAITING_TRAINING_SERVICE;
            case AWAITING_MANAGER -> RegistrationState.AWAITING_TRAINING_SERVICE;
            case AWAITING_TRAINING_SERVICE -> RegistrationState.AWAITING_ORGANISER;
            case AWAITING_ORGANISER -> null;
            default -> throw new IllegalTransitionException(l.registration.state(), null);
        };
        if (next == null) {
            return confirm(l, actor, reason);
        }
        move(l, next, actor, reason, null, null);
        return next;
    }

    /**
     * The organiser's confirmation: takes a seat in this very transaction (CONFIRMED), or, when the
     * day is full, puts the registration at the end of the waiting list (WAITING_LIST).
     *
     * @return CONFIRMED or WAITING_LIST
     * @throws IllegalStateException when the day has no capacity set
     * @throws IllegalTransitionException unless the registration is AWAITING_ORGANISER
     */
    @Transactional
    public RegistrationState confirm(long id, String actor) {
        return confirm(lock(id), actor, null);
    }

    /**
     * Refuses a registration that is not confirmed yet.
     *
     * @throws ReasonRequiredException when {@code reason} is blank
     */
    @Transactional
    public void refuse(long id, String actor, String reason) {
        leave(lock(id), RegistrationState.REFUSED, actor, reason);
    }

    /** The agent withdraws; a seat held is offered to the first of the waiting list. */
    @Transactional
    public void withdraw(long id, String actor, String reason) {
        leave(lock(id), RegistrationState.WITHDRAWN, actor, reason);
    }

    /** The organiser cancels; a seat held is offered to the first of the waiting list. */
    @Transactional
    public void cancel(long id, String actor, String reason) {
        leave(lock(id), RegistrationState.CANCELLED, actor, reason);
    }

    // ---- the waiting list ----

    /**
     * The agent takes the seat offered.
     *
     * @throws OfferExpiredException when the deadline has passed (the registration stays OFFERED
     *                               until {@link #expireOffers} passes the seat on)
     * @throws IllegalTransitionException unless the registration is OFFERED
     */
    @Transactional
    public void acceptOffer(long id, String actor) {
        acceptOffer(lock(id), actor, clock.instant());
    }

    @Transactional
    void acceptOffer(long id, String actor, Instant now) {
        acceptOffer(lock(id), actor, now);
    }

    /**
     * Moves every offer whose deadline is not after {@code now} to EXPIRED and offers each seat to
     * the next on the waiting list, with a deadline counted from {@code now}. Safe to run on several
     * instances at once.
     *
     * @return how many offers expired
     */
    @Transactional
    public int expireOffers(Instant now) {
        List<Long> due = jdbc.sql("""
                SELECT id FROM registration WHERE state = 'OFFERED' AND offer_deadline <= ?
                ORDER BY event_day_id, id""")
                .param(utc(now)).query(Long.class).list();
        int expired = 0;
        for (long id : due) {
            Locked l = lock(id);
            Registration r = l.registration;
            if (r.state() == RegistrationState.OFFERED && !r.offerDeadline().isAfter(now)) {
                move(l, RegistrationState.EXPIRED, SYSTEM, "Délai de réponse dépassé", null, null);
                offerFreedSeats(l.capacity, now);
                expired++;
            }
        }
        return expired;
    }

    /**
     * An organiser puts a waiting-listed registration at the head of the waiting list (those it
     * passes move down by one), so that it gets the next freed seat; recorded as a transition from
     * WAITING_LIST to WAITING_LIST.
     *
     * @throws IllegalTransitionException unless the registration is WAITING_LIST
     */
    @Transactional
    public void promote(long id, String actor, String reason) {
        Locked l = lock(id);
        Registration r = l.registration;
        if (r.state() != RegistrationState.WAITING_LIST) {
            throw new IllegalTransitionException(r.state(), RegistrationState.WAITING_LIST);
        }
        int first = jdbc.sql("""
                SELECT min(waiting_position) FROM registration WHERE event_day_id = ? AND state = 'WAITING_LIST'""")
                .param(r.dayId()).query(Integer.class).single();
        if (first < r.waitingPosition()) {
            jdbc.sql("""
                    UPDATE registration SET waiting_position = waiting_position + 1, version = version + 1
                    WHERE event_day_id = ? AND state = 'WAITING_LIST' AND waiting_position >= ? AND waiting_position < ?""")
                    .params(r.dayId(), first, r.waitingPosition()).update();
        }
        jdbc.sql("UPDATE registration SET waiting_position = ?, version = version + 1 WHERE id = ?")
                .params(first, id).update();
        record(id, RegistrationState.WAITING_LIST, RegistrationState.WAITING_LIST, actor,
                reason == null || reason.isBlank() ? "Placé en tête de la liste d'attente" : reason.strip());
        offerFreedSeats(l.capacity, clock.instant());
    }

    // ---- reading ----

    public Optional<Registration> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registration WHERE id = ?").param(id)
                .query(Registrations::registrationOf).optional();
    }

    /** The day's registrations, oldest first. */
    public List<Registration> ofDay(long dayId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registration WHERE event_day_id = ? ORDER BY id").param(dayId)
                .query(Registrations::registrationOf).list();
    }

    /** The day's waiting list, first served first. */
    public List<Registration> waitingList(long dayId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registration WHERE event_day_id = ? AND state = 'WAITING_LIST'"
                        + " ORDER BY waiting_position, id").param(dayId)
                .query(Registrations::registrationOf).list();
    }

    /** The registration's transitions, oldest first. */
    public List<Transition> history(long id) {
        return jdbc.sql("""
                SELECT registration_id, from_state, to_state, at, actor, reason FROM registration_transition
                WHERE registration_id = ? ORDER BY id""")
                .param(id)
                .query((rs, n) -> new Transition(rs.getLong("registration_id"),
                        rs.getString("from_state") == null ? null : RegistrationState.valueOf(rs.getString("from_state")),
                        RegistrationState.valueOf(rs.getString("to_state")),
                        rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                        rs.getString("reason")))
                .list();
    }

    // ---- internals ----

    /** A registration and its day's capacity (null when none is set), both locked in that order. */
    private record Locked(Registration registration, Capacity capacity) {
    }

    private Locked lock(long id) {
        long dayId = jdbc.sql("SELECT event_day_id FROM registration WHERE id = ?").param(id)
                .query(Long.class).optional().orElseThrow(() -> new NoSuchRegistrationException(id));
        Capacity capacity = lockCapacity(dayId).orElse(null);
        Registration r = jdbc.sql("SELECT " + COLUMNS + " FROM registration WHERE id = ? FOR UPDATE").param(id)
                .query(Registrations::registrationOf).single();
        return new Locked(r, capacity);
    }

    private Optional<Capacity> lockCapacity(long dayId) {
        return jdbc.sql("SELECT event_day_id, seats, offer_hours, manager_opinion_asked FROM registration_capacity"
                        + " WHERE event_day_id = ? FOR UPDATE")
                .param(dayId).query(Registrations::capacityOf).optional();
    }

    private RegistrationState confirm(Locked l, String actor, String reason) {
        Registration r = l.registration;
        if (r.state() != RegistrationState.AWAITING_ORGANISER) {
            throw new IllegalTransitionException(r.state(), RegistrationState.CONFIRMED);
        }
        if (l.capacity == null) {
            throw new IllegalStateException("Day " + r.dayId() + " has no capacity set");
        }
        if (seatsHeld(r.dayId()) < l.capacity.seats()) {
            move(l, RegistrationState.CONFIRMED, actor, reason, null, null);
            return RegistrationState.CONFIRMED;
        }
        int position = jdbc.sql("SELECT coalesce(max(waiting_position), 0) + 1 FROM registration WHERE event_day_id = ?")
                .param(r.dayId()).query(Integer.class).single();
        move(l, RegistrationState.WAITING_LIST, actor, reason, position, null);
        return RegistrationState.WAITING_LIST;
    }

    private void acceptOffer(Locked l, String actor, Instant now) {
        Registration r = l.registration;
        if (r.state() != RegistrationState.OFFERED) {
            throw new IllegalTransitionException(r.state(), RegistrationState.CONFIRMED);
        }
        if (!now.isBefore(r.offerDeadline())) {
            throw new OfferExpiredException(r.offerDeadline());
        }
        move(l, RegistrationState.CONFIRMED, actor, null, null, null);
    }

    private void leave(Locked l, RegistrationState target, String actor, String reason) {
        move(l, target, actor, reason, null, null);
        if (l.registration.state().holdsSeat()) {
            offerFreedSeats(l.capacity, clock.instant());
        }
    }

    /** Offers free seats, one by one, to the head of the waiting list. The capacity row is locked. */
    private void offerFreedSeats(Capacity capacity, Instant now) {
        if (capacity == null) {
            return;
        }
        while (seatsHeld(capacity.dayId()) < capacity.seats()) {
            Optional<Registration> next = jdbc.sql("SELECT " + COLUMNS + """
                     FROM registration WHERE event_day_id = ? AND state = 'WAITING_LIST'
                    ORDER BY waiting_position, id LIMIT 1 FOR UPDATE""")
                    .param(capacity.dayId()).query(Registrations::registrationOf).optional();
            if (next.isEmpty()) {
                return;
            }
            move(new Locked(next.get(), capacity), RegistrationState.OFFERED, SYSTEM, "Place libérée", null,
                    now.plus(Duration.ofHours(capacity.offerHours())));
        }
    }

    private int seatsHeld(long dayId) {
        return jdbc.sql("SELECT count(*) FROM registration WHERE event_day_id = ? AND state IN ('CONFIRMED', 'OFFERED')")
                .param(dayId).query(Integer.class).single();
    }

    private void move(Locked l, RegistrationState target, String actor, String reason, Integer position,
                      Instant offerDeadline) {
        Registration r = l.registration;
        r.state().check(target, reason);
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("actor: required");
        }
        jdbc.sql("""
                UPDATE registration SET state = ?, waiting_position = coalesce(?, waiting_position),
                    offer_deadline = coalesce(?, offer_deadline), version = version + 1
                WHERE id = ?""")
                .params(target.name(), position, utc(offerDeadline), r.id()).update();
        record(r.id(), r.state(), target, actor, reason);
    }

    private void record(long id, RegistrationState from, RegistrationState to, String actor, String reason) {
        jdbc.sql("""
                INSERT INTO registration_transition (registration_id, from_state, to_state, actor, reason)
                VALUES (?, ?, ?, ?, ?)""")
                .params(id, from == null ? null : from.name(), to.name(), actor.strip(),
                        reason == null || reason.isBlank() ? null : reason.strip())
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Capacity capacityOf(ResultSet rs, int n) throws SQLException {
        return new Capacity(rs.getLong("event_day_id"), rs.getInt("seats"), rs.getInt("offer_hours"),
                rs.getBoolean("manager_opinion_asked"));
    }

    private static Registration registrationOf(ResultSet rs, int n) throws SQLException {
        return new Registration(rs.getLong("id"), rs.getLong("event_day_id"),
                RegistrationState.valueOf(rs.getString("state")), rs.getString("surname"), rs.getString("given_name"),
                rs.getString("email"), rs.getString("phone"), rs.getString("position_service"),
                (Long) rs.getObject("employer_organisation_id"), rs.getString("employer_name"),
                rs.getString("line_manager_email"), rs.getString("dietary_needs"), rs.getString("accessibility_needs"),
                instant(rs, "consent_at"), (Integer) rs.getObject("waiting_position"), instant(rs, "offer_deadline"),
                rs.getInt("version"), instant(rs, "created_at"));
    }
}
