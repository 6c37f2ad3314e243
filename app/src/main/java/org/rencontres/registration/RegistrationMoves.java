package org.rencontres.registration;

import static org.rencontres.registration.RegistrationRows.CAPACITY_COLUMNS;
import static org.rencontres.registration.RegistrationRows.COLUMNS;
import static org.rencontres.registration.RegistrationRows.utc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.workshops.Workshop;
import org.rencontres.workshops.WorkshopSlot;
import org.rencontres.workshops.Workshops;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The locks and the one move of the registration state machine.
 *
 * <p>Every change of a registration first locks its day's {@code registration_capacity} row
 * ({@code SELECT … FOR UPDATE}), then the registration's row, in this order, and counts seats only
 * while holding that lock. So the seats of a day are counted and taken one transaction at a time
 * on one database, whatever the number of threads or application instances. Each move is recorded
 * as a transition and announced as a {@link RegistrationChanged} in its transaction.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RegistrationMoves {

    /**
     * A registration and its day's capacity (null when none is set), both locked in that order, or
     * the registration alone ({@code capacityLocked} false) for the moves before the organiser's,
     * which neither take nor free a seat.
     */
    record Locked(Registration registration, Capacity capacity, boolean capacityLocked) {
        Locked(Registration registration, Capacity capacity) {
            this(registration, capacity, true);
        }
    }

    private final JdbcClient jdbc;
    private final RegistrationQueries queries;
    private final Links links;
    private final Workshops workshops;
    private final ApplicationEventPublisher events;

    /**
     * Locks only the registration's row, for the steps before the organiser (requested, line
     * manager, training service): they hold no seat and free none, so they do not queue behind the
     * confirmations of the day. Refuses a registration that has gone past them.
     */
    Locked lockOnChain(long id) {
        Registration r = jdbc.sql("SELECT " + COLUMNS + " FROM registration WHERE id = ? FOR UPDATE").param(id)
                .query(RegistrationRows::registrationOf).optional().orElseThrow(() -> new NoSuchRegistrationException(id));
        if (!EnumSet.of(RegistrationState.REQUESTED, RegistrationState.AWAITING_MANAGER,
                RegistrationState.AWAITING_TRAINING_SERVICE, RegistrationState.AWAITING_ORGANISER).contains(r.state())) {
            throw new IllegalTransitionException(r.state(), null);
        }
        return new Locked(r, queries.capacity(r.dayId()).orElse(null), false);
    }

    /** Locks the day's capacity row, then the registration's. */
    Locked lock(long id) {
        long dayId = jdbc.sql("SELECT event_day_id FROM registration WHERE id = ?").param(id)
                .query(Long.class).optional().orElseThrow(() -> new NoSuchRegistrationException(id));
        Capacity capacity = lockCapacity(dayId).orElse(null);
        Registration r = jdbc.sql("SELECT " + COLUMNS + " FROM registration WHERE id = ? FOR UPDATE").param(id)
                .query(RegistrationRows::registrationOf).single();
        return new Locked(r, capacity);
    }

    Optional<Capacity> lockCapacity(long dayId) {
        return jdbc.sql("SELECT " + CAPACITY_COLUMNS + " FROM registration_capacity WHERE event_day_id = ? FOR UPDATE")
                .param(dayId).query(RegistrationRows::capacityOf).optional();
    }

    void move(Locked l, RegistrationState target, String actor, String reason, Integer position,
              Instant offerDeadline) {
        move(l, target, actor, reason, position, offerDeadline, false);
    }

    /** A move; {@code inPlace} when the organiser decides in the place of the line manager or the training service. */
    void move(Locked l, RegistrationState target, String actor, String reason, Integer position,
              Instant offerDeadline, boolean inPlace) {
        Registration r = l.registration();
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
        record(r.id(), r.state(), target, actor, reason, inPlace);
        if (r.state() == RegistrationState.AWAITING_MANAGER || r.state() == RegistrationState.AWAITING_TRAINING_SERVICE) {
            links.retire(r.id());
        }
        events.publishEvent(new RegistrationChanged(queries.find(r.id()).orElseThrow(), r.state(), target, reason));
    }

    void record(long id, RegistrationState from, RegistrationState to, String actor, String reason) {
        record(id, from, to, actor, reason, false);
    }

    private void record(long id, RegistrationState from, RegistrationState to, String actor, String reason,
                        boolean inPlace) {
        jdbc.sql("""
                INSERT INTO registration_transition (registration_id, from_state, to_state, actor, reason, in_place)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id, from == null ? null : from.name(), to.name(), actor.strip(),
                        reason == null || reason.isBlank() ? null : reason.strip(), inPlace)
                .update();
    }

    /**
     * The workshops a registration gets on confirmation: in each workshop period of the day, its
     * best-ranked choice there that still has a free seat (a workshop without capacity never fills),
     * or none in that period; in a period with a single workshop, that one if it has a seat. Runs
     * with the day's capacity row locked, so workshop seats are counted one confirmation at a time too.
     */
    private List<Long> workshopsFor(Registration r) {
        List<Long> choices = queries.workshopChoices(r.id());
        List<Long> given = new ArrayList<>();
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
}
