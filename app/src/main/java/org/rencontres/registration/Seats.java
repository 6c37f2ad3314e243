package org.rencontres.registration;

import static org.rencontres.registration.RegistrationRows.COLUMNS;
import static org.rencontres.registration.RegistrationRows.utc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.rencontres.registration.RegistrationMoves.Locked;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A day's seats and its waiting list: the capacity, the organiser's confirmation (a seat or the end
 * of the waiting list), the leaving moves that free a seat, the offers of freed seats with their
 * deadline, and the organiser's promotion to the head of the list. Never more CONFIRMED (plus
 * OFFERED) registrations than seats, and waiting-list positions handed out in order, without gaps:
 * seats are counted only while the day's capacity row is locked ({@link RegistrationMoves}). A seat
 * freed by a withdrawal, a cancellation, a refusal or an expired offer is offered in the same
 * transaction to the first of the waiting list.
 */
@Component
class Seats {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final RegistrationMoves moves;

    Seats(JdbcClient jdbc, Optional<Clock> clock, RegistrationMoves moves) {
        this.jdbc = jdbc;
        this.clock = clock.orElse(Clock.systemUTC());
        this.moves = moves;
    }

    void setCapacity(Capacity capacity) {
        jdbc.sql("""
                INSERT INTO registration_capacity (event_day_id, seats, offer_hours, manager_opinion_asked, opens_at, closes_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (event_day_id) DO UPDATE SET seats = excluded.seats, offer_hours = excluded.offer_hours,
                    manager_opinion_asked = excluded.manager_opinion_asked, opens_at = excluded.opens_at,
                    closes_at = excluded.closes_at""")
                .params(capacity.dayId(), capacity.seats(), capacity.offerHours(), capacity.managerOpinionAsked(),
                        utc(capacity.opensAt()), utc(capacity.closesAt()))
                .update();
        Capacity locked = moves.lockCapacity(capacity.dayId()).orElseThrow();
        offerFreedSeats(locked, clock.instant());
    }

    /** A seat if one is free, else the end of the waiting list. The capacity row is locked. */
    RegistrationState confirm(Locked l, String actor, String reason) {
        Registration r = l.registration();
        if (r.state() != RegistrationState.AWAITING_ORGANISER) {
            throw new IllegalTransitionException(r.state(), RegistrationState.CONFIRMED);
        }
        if (l.capacity() == null) {
            throw new IllegalStateException("Day " + r.dayId() + " has no capacity set");
        }
        if (seatsHeld(r.dayId()) < l.capacity().seats()) {
            moves.move(l, RegistrationState.CONFIRMED, actor, reason, null, null);
            return RegistrationState.CONFIRMED;
        }
        int position = jdbc.sql("SELECT coalesce(max(waiting_position), 0) + 1 FROM registration WHERE event_day_id = ?")
                .param(r.dayId()).query(Integer.class).single();
        moves.move(l, RegistrationState.WAITING_LIST, actor, reason, position, null);
        return RegistrationState.WAITING_LIST;
    }

    /** A move out of the registration (refused, withdrawn, cancelled); a seat held goes to the waiting list. */
    void leave(Locked l, RegistrationState target, String actor, String reason) {
        moves.move(l, target, actor, reason, null, null);
        if (l.registration().state().holdsSeat()) {
            offerFreedSeats(l.capacity(), clock.instant());
        }
    }

    void acceptOffer(long id, String actor) {
        acceptOffer(id, actor, clock.instant());
    }

    void acceptOffer(long id, String actor, Instant now) {
        Locked l = moves.lock(id);
        Registration r = l.registration();
        if (r.state() != RegistrationState.OFFERED) {
            throw new IllegalTransitionException(r.state(), RegistrationState.CONFIRMED);
        }
        if (!now.isBefore(r.offerDeadline())) {
            throw new OfferExpiredException(r.offerDeadline());
        }
        moves.move(l, RegistrationState.CONFIRMED, actor, null, null, null);
    }

    int expireOffers(Instant now) {
        List<Long> due = jdbc.sql("""
                SELECT id FROM registration WHERE state = 'OFFERED' AND offer_deadline <= ?
                ORDER BY event_day_id, id""")
                .param(utc(now)).query(Long.class).list();
        int expired = 0;
        for (long id : due) {
            Locked l = moves.lock(id);
            Registration r = l.registration();
            if (r.state() == RegistrationState.OFFERED && !r.offerDeadline().isAfter(now)) {
                moves.move(l, RegistrationState.EXPIRED, Registrations.SYSTEM, "Délai de réponse dépassé", null, null);
                offerFreedSeats(l.capacity(), now);
                expired++;
            }
        }
        return expired;
    }

    void promote(long id, String actor, String reason) {
        Locked l = moves.lock(id);
        Registration r = l.registration();
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
        moves.record(id, RegistrationState.WAITING_LIST, RegistrationState.WAITING_LIST, actor,
                reason == null || reason.isBlank() ? "Placé en tête de la liste d'attente" : reason.strip());
        offerFreedSeats(l.capacity(), clock.instant());
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
                    .param(capacity.dayId()).query(RegistrationRows::registrationOf).optional();
            if (next.isEmpty()) {
                return;
            }
            moves.move(new Locked(next.get(), capacity), RegistrationState.OFFERED, Registrations.SYSTEM,
                    "Place libérée", null, now.plus(Duration.ofHours(capacity.offerHours())));
        }
    }

    private int seatsHeld(long dayId) {
        return jdbc.sql("SELECT count(*) FROM registration WHERE event_day_id = ? AND state IN ('CONFIRMED', 'OFFERED')")
                .param(dayId).query(Integer.class).single();
    }
}
