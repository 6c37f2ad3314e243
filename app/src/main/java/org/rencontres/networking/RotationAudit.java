package org.rencontres.networking;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.audit.AuditTrail;
import org.rencontres.event.ManagedDay;
import org.rencontres.security.Organiser;
import org.springframework.stereotype.Component;

/** Writes a rotation's changes to the day's audit trail, in the caller's transaction. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RotationAudit {

    private final AuditTrail audit;

    void record(ManagedDay day, Organiser who, String action, String details) {
        audit.record(day.id(), who.accountId(), who.displayName(), "networking", action, details);
    }

    static String discardedNote(boolean discarded) {
        return discarded ? " ; le plan calculé est effacé" : "";
    }
}
