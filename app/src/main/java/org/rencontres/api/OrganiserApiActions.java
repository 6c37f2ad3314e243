package org.rencontres.api;

import java.time.LocalDate;
import java.util.Optional;

import org.rencontres.attendance.Attendances;
import org.rencontres.attendance.CheckIn;
import org.rencontres.attendance.CheckInOutcome;
import org.rencontres.attendance.HalfDay;
import org.rencontres.audit.AuditTrail;
import org.rencontres.event.ManagedDay;
import org.rencontres.event.SessionDay;
import org.rencontres.security.Organiser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The organiser API's check-in: the welcome desk's own operation ({@link Attendances#checkIn}), so the rules are
 * the desk's (confirmed registrations of the day only, once per half-day), and an audit entry in the same
 * transaction, since no person at a desk saw this one. The actor is the organiser "via l'API (jeton …)".
 */
@Component
class OrganiserApiActions {

    private final Attendances attendances;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    OrganiserApiActions(Attendances attendances, AuditTrail audit, PlatformTransactionManager transactions) {
        this.attendances = attendances;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The day of the session on that date, or its only day when no date is given. */
    static Optional<SessionDay> sessionDay(ManagedDay day, String date) {
        if (date == null || date.isBlank()) {
            return day.days().isSingle() ? Optional.of(day.days().first()) : Optional.empty();
        }
        try {
            return day.days().on(LocalDate.parse(date.strip()));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    CheckInOutcome checkIn(ManagedDay day, Organiser organiser, long registrationId, SessionDay sessionDay,
                           HalfDay half) {
        return transaction.execute(status -> {
            CheckInOutcome outcome = attendances.checkIn(day.id(), registrationId,
                    CheckIn.plain(half, organiser.displayName()).on(sessionDay.id()));
            if (outcome.kind() == CheckInOutcome.Kind.RECORDED) {
                audit.record(day.id(), organiser.accountId(), organiser.displayName(), "attendance", "check-in",
                        outcome.name() + " : présent le " + sessionDay.date() + " (" + half.slug() + ")");
            }
            return outcome;
        });
    }
}
