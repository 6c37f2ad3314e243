package org.rencontres.registration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.rencontres.workshops.Workshop;
import org.rencontres.workshops.WorkshopSlot;
import org.rencontres.workshops.Workshops;
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
            offer_deadline, version, created_at, language, registered_by, networking_opt_in,
            ARRAY(SELECT rw.workshop_id FROM registration_workshop rw WHERE rw.registration_id = registration.id
                  ORDER BY rw.workshop_id) AS workshop_ids""";

    private static final String CAPACITY_COLUMNS = "event_day_id, seats, offer_hours, manager_opinion_asked, opens_at, closes_at";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final RegistrationMails mails;
    private final Links links;
    private final Workshops workshops;

    Registrations(JdbcClient jdbc, Optional<Clock> clock, RegistrationMails mails, Links links, Workshops workshops) {
        this.jdbc = jdbc;
        this.clock = clock.orElse(Clock.systemUTC());
        this.mails = mails;
        this.links = links;
        this.workshops = workshops;
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
                INSERT INTO registration_capacity (event_day_id, seats, offer_hours, manager_opinion_asked, opens_at, closes_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (event_day_id) DO UPDATE SET seats = excluded.seats, offer_hours = excluded.offer_hours,
                    manager_opinion_asked = excluded.manager_opinion_asked, opens_at = excluded.opens_at,
                    closes_at = excluded.closes_at""")
                .params(capacity.dayId(), capacity.seats(), capacity.offerHours(), capacity.managerOpinionAsked(),
                        utc(capacity.opensAt()), utc(capacity.closesAt()))
                .update();
        Capacity locked = lockCapacity(capacity.dayId()).orElseThrow();
        offerFreedSeats(locked, clock.instant());
    }

    public Optional<Capacity> capacity(long dayId) {
        return jdbc.sql("SELECT " + CAPACITY_COLUMNS + " FROM registration_capacity"
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
        return request(dayId, draft, "fr", null, List.of());
    }

    /**
     * Records a request, in state REQUESTED, with the agent's language for e-mails, the training
     * service that registered the agent (or null) and the ranked workshop choices (first is
     * preferred; workshops of the day only).
     */
    @Transactional
    public long request(long dayId, RequestDraft draft, String language, String registeredBy, List<Long> workshopChoices) {
        if (hasLiveRequest(dayId, draft.email())) {
            throw new DuplicateRegistrationException(dayId, draft.email());
        }
        long id;
        try {
            id = jdbc.sql("""
                    INSERT INTO registration (event_day_id, surname, given_name, email, phone, position_service,
                        employer_organisation_id, employer_name, line_manager_email, dietary_needs, accessibility_needs,
                        consent_at, state, language, registered_by, networking_opt_in)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?, ?, ?) RETURNING id""")
                    .params(dayId, draft.surname(), draft.givenName(), draft.email(), draft.phone(),
                            draft.positionService(), draft.employerOrganisationId(), draft.employerName(),
                            draft.lineManagerEmail(), draft.dietaryNeeds(), draft.accessibilityNeeds(),
                            utc(draft.consentAt()), "en".equals(language) ? "en" : "fr", registeredBy,
                            draft.networkingOptIn())
                    .query(Long.class).single();
        } catch (DuplicateKeyException raced) {
            // Another request of the same agent committed between the check and the insert.
            throw new DuplicateRegistrationException(dayId, draft.email());
        }
        record(id, null, RegistrationState.REQUESTED, registeredBy == null ? draft.email() : registeredBy, null);
        List<Long> ofDay = workshops.ofDay(dayId).stream().map(Workshop::id).toList();
        int rank = 1;
        for (Long workshop : workshopChoices) {
            if (!ofDay.contains(workshop)) {
                throw new IllegalArgumentException("workshop " + workshop + " is not one of the day's");
            }
            jdbc.sql("INSERT INTO registration_workshop_choice (registration_id, rank, workshop_id) VALUES (?, ?, ?)")
                    .params(id, rank++, workshop).update();
        }
        return id;
    }

    /**
     * An agent's request from the public form: recorded, then sent on at once to the line manager
     * (when the day asks for an opinion and the agent named one) or to the training service, each by
     * e-mail with a single-use link; the agent is told by e-mail, with the link to their space.
     *
     * @return the registration's id
     */
    @Transactional
    public long submit(long dayId, RequestDraft draft, String language, List<Long> workshopChoices) {
        long id = request(dayId, draft, language, null, workshopChoices);
        advance(id, SYSTEM, null);
        return id;
    }

    /**
     * A training service registers one of its agents: the request goes straight to the organiser
     * (the service has decided; no line manager's opinion is asked).
     */
    @Transactional
    public long registerByService(long dayId, RequestDraft draft, String serviceEmail, List<Long> workshopChoices) {
        long id = request(dayId, draft, "fr", serviceEmail, workshopChoices);
        move(lockOnChain(id), RegistrationState.AWAITING_TRAINING_SERVICE, serviceEmail,
                "Inscription par le service formation", null, null);
        move(lockOnChain(id), RegistrationState.AWAITING_ORGANISER, serviceEmail, null, null, null);
        return id;
    }

    /**
     * Replaces the ranked workshop choices of a live registration (the agent ranks again from their
     * space); the workshop already given, if any, stays until the organiser's allocation.
     */
    @Transactional
    public void rankWorkshops(long id, List<Long> workshopChoices) {
        Registration r = find(id).orElseThrow(() -> new NoSuchRegistrationException(id));
        if (!r.state().isLive()) {
            throw new IllegalTransitionException(r.state(), r.state());
        }
        List<Long> ofDay = workshops.ofDay(r.dayId()).stream().map(Workshop::id).toList();
        if (workshopChoices.isEmpty() || workshopChoices.stream().distinct().count() != workshopChoices.size()
                || !ofDay.containsAll(workshopChoices)) {
            throw new IllegalArgumentException("choices " + workshopChoices + " are not distinct workshops of the day");
        }
        jdbc.sql("DELETE FROM registration_workshop_choice WHERE registration_id = ?").param(id).update();
        int rank = 1;
        for (Long workshop : workshopChoices) {
            jdbc.sql("INSERT INTO registration_workshop_choice (registration_id, rank, workshop_id) VALUES (?, ?, ?)")
                    .params(id, rank++, workshop).update();
        }
    }

    /** The ranked workshop choices of every registration of a day that made some, in one query. */
    public java.util.Map<Long, List<Long>> workshopChoicesOfDay(long dayId) {
        java.util.Map<Long, List<Long>> choices = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT c.registration_id, c.workshop_id FROM registration_workshop_choice c
                  JOIN registration r ON r.id = c.registration_id
                 WHERE r.event_day_id = ? ORDER BY c.registration_id, c.rank""")
                .param(dayId)
                .query((ResultSet rs) -> {
                    choices.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(rs.getLong(2));
                });
        return choices;
    }

    /** The ranked workshop choices of a registration (workshop ids, first preferred). */
    public List<Long> workshopChoices(long id) {
        return jdbc.sql("SELECT workshop_id FROM registration_workshop_choice WHERE registration_id = ? ORDER BY rank")
                .param(id).query(Long.class).list();
    }

    // ---- decisions through links ----

    /**
     * The line manager's opinion through their single-use link: favourable sends the request on to
     * the training service, unfavourable refuses it (a reason is required).
     *
     * @throws Links.LinkProblemException when the link is tampered, used or expired
     */
    @Transactional
    public RegistrationState managerOpinion(String token, boolean favourable, String reason) {
        return decide(token, Links.Purpose.MANAGER, RegistrationState.AWAITING_MANAGER, favourable, reason,
                "Responsable hiérarchique");
    }

    /** The training service's decision through its single-use link: accepted goes to the organiser. */
    @Transactional
    public RegistrationState trainingServiceDecision(String token, boolean accepted, String reason) {
        return decide(token, Links.Purpose.TRAINING_SERVICE, RegistrationState.AWAITING_TRAINING_SERVICE, accepted,
                reason, "Service formation");
    }

    /** The training service's decision from its space (a space link of the agent's employer). */
    @Transactional
    public RegistrationState trainingServiceDecision(long id, long organisationId, String serviceEmail, boolean accepted,
                                                     String reason) {
        Locked l = lockOnChain(id);
        if (!Long.valueOf(organisationId).equals(l.registration.employerOrganisationId())) {
            throw new NoSuchRegistrationException(id);
        }
        if (l.registration.state() != RegistrationState.AWAITING_TRAINING_SERVICE) {
            throw new IllegalTransitionException(l.registration.state(),
                    accepted ? RegistrationState.AWAITING_ORGANISER : RegistrationState.REFUSED);
        }
        String actor = "Service formation (" + serviceEmail + ")";
        if (accepted) {
            move(l, RegistrationState.AWAITING_ORGANISER, actor, blankToNull(reason), null, null);
            return RegistrationState.AWAITING_ORGANISER;
        }
        leave(l, RegistrationState.REFUSED, actor, reason);
        return RegistrationState.REFUSED;
    }

    private RegistrationState decide(String token, Links.Purpose purpose, RegistrationState expected, boolean yes,
                                     String reason, String role) {
        if (!yes && (reason == null || reason.isBlank())) {
            throw new ReasonRequiredException();
        }
        Links.Link link = links.use(token, purpose);
        Locked l = lockOnChain(link.registrationId());
        if (l.registration.state() != expected) {
            throw new IllegalTransitionException(l.registration.state(), null);
        }
        String actor = role + " (" + link.recipient() + ")";
        if (yes) {
            RegistrationState next = expected == RegistrationState.AWAITING_MANAGER
                    ? RegistrationState.AWAITING_TRAINING_SERVICE : RegistrationState.AWAITING_ORGANISER;
            move(l, next, actor, blankToNull(reason), null, null);
            return next;
        }
        leave(l, RegistrationState.REFUSED, actor, reason);
        return RegistrationState.REFUSED;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
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
        RegistrationState seen = find(id).orElseThrow(() -> new NoSuchRegistrationException(id)).state();
        Locked l = seen == RegistrationState.AWAITING_ORGANISER ? lock(id) : lockOnChain(id);
        RegistrationState next = switch (l.registration.state()) {
            case REQUESTED -> l.capacity != null && l.capacity.managerOpinionAsked()
                    && l.registration.lineManagerEmail() != null
                    ? RegistrationState.AWAITING_MANAGER : RegistrationState.AWAITING_TRAINING_SERVICE;
            case AWAITING_MANAGER -> RegistrationState.AWAITING_TRAINING_SERVICE;
            case AWAITING_TRAINING_SERVICE -> RegistrationState.AWAITING_ORGANISER;
            case AWAITING_ORGANISER -> null;
            default -> throw new IllegalTransitionException(l.registration.state(), null);
        };
        if (next == null) {
            if (!l.capacityLocked) {
                // Passed to the organiser since it was read: the confirmation needs the day's lock first.
                throw new IllegalTransitionException(RegistrationState.AWAITING_ORGANISER, null);
            }
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

    // ---- reminders ----

    /**
     * Sends the reminder to every confirmed agent whose day begins within {@code before} of
     * {@code now} and who has not had it yet; safe to run on several instances at once (rows locked,
     * locked ones skipped).
     *
     * @return how many reminders were queued
     */
    @Transactional
    public int remindDue(Instant now, Duration before) {
        List<Registration> due = jdbc.sql("SELECT " + COLUMNS + """
                 FROM registration WHERE state = 'CONFIRMED' AND reminded_at IS NULL
                ORDER BY event_day_id, id FOR UPDATE SKIP LOCKED""")
                .query(Registrations::registrationOf).list();
        java.util.Map<Long, Boolean> soon = new java.util.HashMap<>();
        int sent = 0;
        for (Registration r : due) {
            boolean inWindow = soon.computeIfAbsent(r.dayId(), dayId -> mails.beginsWithin(dayId, now, before));
            if (inWindow) {
                mails.remind(r);
                jdbc.sql("UPDATE registration SET reminded_at = ? WHERE id = ?").params(utc(now), r.id()).update();
                sent++;
            }
        }
        return sent;
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

    /** The registrations of an employer's agents, newest first. */
    public List<Registration> ofEmployer(long organisationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registration WHERE employer_organisation_id = ? ORDER BY id DESC LIMIT 500")
                .param(organisationId).query(Registrations::registrationOf).list();
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

    /**
     * A registration and its day's capacity (null when none is set), both locked in that order, or
     * the registration alone ({@code capacityLocked} false) for the moves before the organiser's,
     * which neither take nor free a seat.
     */
    private record Locked(Registration registration, Capacity capacity, boolean capacityLocked) {
        Locked(Registration registration, Capacity capacity) {
            this(registration, capacity, true);
        }
    }

    /**
     * Locks only the registration's row, for the steps before the organiser (requested, line
     * manager, training service): they hold no seat and free none, so they do not queue behind the
     * confirmations of the day. Refuses a registration that has gone past them.
     */
    private Locked lockOnChain(long id) {
        Registration r = jdbc.sql("SELECT " + COLUMNS + " FROM registration WHERE id = ? FOR UPDATE").param(id)
                .query(Registrations::registrationOf).optional().orElseThrow(() -> new NoSuchRegistrationException(id));
        if (!EnumSet.of(RegistrationState.REQUESTED, RegistrationState.AWAITING_MANAGER,
                RegistrationState.AWAITING_TRAINING_SERVICE, RegistrationState.AWAITING_ORGANISER).contains(r.state())) {
            throw new IllegalTransitionException(r.state(), null);
        }
        return new Locked(r, capacity(r.dayId()).orElse(null), false);
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
        return jdbc.sql("SELECT " + CAPACITY_COLUMNS + " FROM registration_capacity"
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
        if (target == RegistrationState.CONFIRMED) {
            List<Long> given = workshopsFor(r);
            jdbc.sql("DELETE FROM registration_workshop WHERE registration_id = ?").param(r.id()).update();
            for (Long workshop : given) {
                jdbc.sql("INSERT INTO registration_workshop (registration_id, workshop_id) VALUES (?, ?)")
                        .params(r.id(), workshop).update();
            }
        }
        jdbc.sql("""
                UPDATE registration SET state = ?, waiting_position = coalesce(?, waiting_position),
                    offer_deadline = coalesce(?, offer_deadline), version = version + 1
                WHERE id = ?""")
                .params(target.name(), position, utc(offerDeadline), r.id()).update();
        record(r.id(), r.state(), target, actor, reason);
        if (r.state() == RegistrationState.AWAITING_MANAGER || r.state() == RegistrationState.AWAITING_TRAINING_SERVICE) {
            links.retire(r.id());
        }
        mails.changed(find(r.id()).orElseThrow(), r.state(), target, reason);
    }

    /**
     * The workshops a registration gets on confirmation: in each workshop period of the day, its
     * best-ranked choice there that still has a free seat (a workshop without capacity never fills),
     * or none in that period; in a period with a single workshop, that one if it has a seat. Runs with the day's capacity row locked, so workshop seats are counted one
     * confirmation at a time too.
     */
    private List<Long> workshopsFor(Registration r) {
        List<Long> choices = workshopChoices(r.id());
        List<Long> given = new java.util.ArrayList<>();
        for (WorkshopSlot slot : workshops.slotsOfDay(r.dayId())) {
            // A period with a single workshop asks for no choice: its workshop stands as the only one.
            List<Long> ranked = slot.workshops().size() == 1 ? List.of(slot.workshops().get(0).id()) : choices;
            for (Long choice : ranked) {
                Optional<Workshop> w = slot.workshops().stream().filter(x -> x.id() == choice).findFirst();
                if (w.isEmpty()) {
                    continue;
                }
                Integer seats = w.get().capacity();
                int taken = seats == null ? 0 : jdbc.sql("""
                        SELECT count(*) FROM registration_workshop rw JOIN registration g ON g.id = rw.registration_id
                        WHERE rw.workshop_id = ? AND g.state = 'CONFIRMED' AND g.id <> ?""")
                        .params(choice, r.id()).query(Integer.class).single();
                if (seats == null || taken < seats) {
                    given.add(choice);
                    break;
                }
            }
        }
        return given;
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
                rs.getBoolean("manager_opinion_asked"), instant(rs, "opens_at"), instant(rs, "closes_at"));
    }

    private static Registration registrationOf(ResultSet rs, int n) throws SQLException {
        return new Registration(rs.getLong("id"), rs.getLong("event_day_id"),
                RegistrationState.valueOf(rs.getString("state")), rs.getString("surname"), rs.getString("given_name"),
                rs.getString("email"), rs.getString("phone"), rs.getString("position_service"),
                (Long) rs.getObject("employer_organisation_id"), rs.getString("employer_name"),
                rs.getString("line_manager_email"), rs.getString("dietary_needs"), rs.getString("accessibility_needs"),
                instant(rs, "consent_at"), (Integer) rs.getObject("waiting_position"), instant(rs, "offer_deadline"),
                rs.getInt("version"), instant(rs, "created_at"), rs.getString("language"),
                rs.getString("registered_by"), longs(rs.getArray("workshop_ids")), rs.getBoolean("networking_opt_in"));
    }

    private static List<Long> longs(java.sql.Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        List<Long> list = new java.util.ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            list.add(((Number) o).longValue());
        }
        return list;
    }
}
