package org.rencontres.networking;

import java.util.List;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.audit.AuditTrail;
import org.rencontres.audit.Differences;
import org.rencontres.event.ManagedDay;
import org.rencontres.programme.ProgrammeChanged;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.Slot;
import org.rencontres.programme.SlotKind;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FieldProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The back office's changes to a day's rotations. Each one is recorded in the audit trail in the
 * same transaction and announces {@link ProgrammeChanged}, so that the public page shows it at
 * once. Changes to one day's rotations are serialised (a transaction-scoped advisory lock), so that
 * two organisers creating the rotation of a slot at once cannot both insert it.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class NetworkingAdmin {

    /** First key of the advisory lock: "the rotations of day n". */
    private static final int NETWORKING_LOCK = 4_0501;

    private final NetworkingSessions sessions;
    private final Programmes programmes;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;

    /** A networking slot of the day, or 404: another day's slot or a slot of another kind is as good as unknown. */
    Slot networkingSlot(long dayId, long slotId) {
        return programmes.programmeOf(dayId).slots().stream()
                .filter(s -> s.id() == slotId && s.kind() == SlotKind.NETWORKING).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    Optional<NetworkingSession> ofSlot(long dayId, long slotId) {
        return sessions.ofSlot(dayId, slotId);
    }

    /** Creates the slot's rotation, or changes it; nothing is saved when the form has problems. */
    @Transactional
    List<FieldProblem> save(ManagedDay day, Organiser who, long slotId, NetworkingForm form) {
        lock(day.id());
        Slot slot = networkingSlot(day.id(), slotId);
        NetworkingForm.Checked checked = form.check(slotId);
        if (!checked.isValid()) {
            return checked.problems();
        }
        NetworkingDraft d = checked.draft();
        Optional<NetworkingSession> before = sessions.ofSlot(day.id(), slotId);
        if (before.isEmpty()) {
            sessions.define(day.id(), d);
            changed(day, who, "session.created", "Speed dating créé pour le créneau « " + slot.title() + " » : « "
                    + d.title() + " », groupes de " + d.groupSize() + ", rotation " + rotation(d.rotationMinMinutes(),
                    d.rotationMaxMinutes()) + ", thèmes : " + themes(d.themes())
                    + (d.themesProvisional() ? " (sous réserve)" : ""));
        } else {
            sessions.update(day.id(), before.get().id(), d);
            String differences = differences(before.get(), d);
            changed(day, who, "session.updated", "Speed dating du créneau « " + slot.title() + " » modifié"
                    + (differences.isEmpty() ? " (aucun changement)" : " : " + differences));
        }
        return List.of();
    }

    /** Removes the slot's rotation (the slot stays in the programme); 404 when it has none. */
    @Transactional
    void remove(ManagedDay day, Organiser who, long slotId) {
        lock(day.id());
        Slot slot = networkingSlot(day.id(), slotId);
        NetworkingSession session = sessions.ofSlot(day.id(), slotId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        sessions.delete(day.id(), session.id());
        changed(day, who, "session.removed", "Speed dating « " + session.title() + " » retiré du créneau « "
                + slot.title() + " »");
    }

    private void changed(ManagedDay day, Organiser who, String action, String details) {
        audit.record(day.id(), who.accountId(), who.displayName(), "networking", action, details);
        events.publishEvent(new ProgrammeChanged(day.id()));
    }

    private void lock(long dayId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)").params(NETWORKING_LOCK, (int) dayId)
                .query((rs, n) -> 1).list();
    }

    private static String differences(NetworkingSession before, NetworkingDraft after) {
        Differences changes = new Differences();
        changes.text("Titre", before.title(), after.title());
        changes.text("Description", before.description(), after.description());
        changes.value("Taille des groupes", String.valueOf(before.groupSize()), String.valueOf(after.groupSize()));
        changes.value("Rotation", rotation(before.rotationMinMinutes(), before.rotationMaxMinutes()),
                rotation(after.rotationMinMinutes(), after.rotationMaxMinutes()));
        changes.value("Thèmes", themes(before.themes()), themes(after.themes()));
        changes.flag("Sujets sous réserve", before.themesProvisional(), after.themesProvisional());
        return changes.toString();
    }

    private static String rotation(int min, int max) {
        return min == max ? min + " min" : min + " à " + max + " min";
    }

    private static String themes(List<String> themes) {
        return themes.isEmpty() ? "(aucun)" : "« " + String.join(" / ", themes) + " »";
    }

}
