package org.rencontres.registration;

import java.util.List;

import org.rencontres.audit.AuditTrail;
import org.rencontres.security.ManagedDay;
import org.rencontres.security.Organiser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * The organiser's acts on a day's requests, each in one transaction with its audit entry. Each
 * returns the key of the French message that reports it (success or why nothing changed).
 */
@Service
class RegistrationDesk {

    enum Action { ADVANCE, CONFIRM, PROMOTE, REFUSE, CANCEL }

    record Result(long id, String name, String messageKey, boolean done) {
    }

    private final Registrations registrations;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    RegistrationDesk(Registrations registrations, AuditTrail audit, PlatformTransactionManager transactions) {
        this.registrations = registrations;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The registration if it belongs to the day, else 404. */
    Registration ofDay(ManagedDay day, long id) {
        return registrations.find(id).filter(r -> r.dayId() == day.id())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    List<Registration> list(ManagedDay day, RegistrationState state) {
        return registrations.ofDay(day.id()).stream().filter(r -> state == null || r.state() == state).toList();
    }

    @Transactional
    void setCapacity(ManagedDay day, Organiser organiser, int seats, int offerHours) {
        boolean managerAsked = registrations.capacity(day.id()).map(Capacity::managerOpinionAsked).orElse(false);
        registrations.setCapacity(new Capacity(day.id(), seats, offerHours, managerAsked));
        audit.record(day.id(), organiser.accountId(), organiser.displayName(), "registration", "capacity",
                seats + " places, " + offerHours + " h pour répondre à une offre");
    }

    Result act(ManagedDay day, Organiser organiser, long id, Action action, String reason) {
        Registration r = ofDay(day, id);
        String name = r.givenName() + " " + r.surname();
        String actor = organiser.displayName();
        try {
            return transaction.execute(status -> perform(day, organiser, r, action, reason));
        } catch (ReasonRequiredException e) {
            return new Result(id, name, "registration.error.reason.required", false);
        } catch (IllegalTransitionException e) {
            return new Result(id, name, "registration.error.transition", false);
        } catch (IllegalStateException e) {
            return new Result(id, name, "registration.error.no.capacity", false);
        }
    }

    private Result perform(ManagedDay day, Organiser organiser, Registration r, Action action, String reason) {
        long id = r.id();
        String name = r.givenName() + " " + r.surname();
        String actor = organiser.displayName();
        {
            RegistrationState reached = switch (action) {
                case ADVANCE -> registrations.advance(id, actor, reason);
                case CONFIRM -> registrations.confirm(id, actor);
                case PROMOTE -> {
                    registrations.promote(id, actor, reason);
                    yield registrations.find(id).orElseThrow().state();
                }
                case REFUSE -> {
                    registrations.refuse(id, actor, reason);
                    yield RegistrationState.REFUSED;
                }
                case CANCEL -> {
                    registrations.cancel(id, actor, reason);
                    yield RegistrationState.CANCELLED;
                }
            };
            audit.record(day.id(), organiser.accountId(), actor, "registration", action.name().toLowerCase(),
                    name + " : " + r.state() + " → " + reached + (reason == null || reason.isBlank() ? "" : " (" + reason.strip() + ")"));
            return new Result(id, name, "registration.state." + reached.name(), true);
        }
    }
}
