package org.rencontres.workshops;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
 * The back office's changes to a day's workshops. Each one is recorded in the audit trail in the
 * same transaction and announces {@link ProgrammeChanged}, so that the public page shows it at
 * once. Changes to one day's workshops are serialised (a transaction-scoped advisory lock), so
 * that two organisers cannot both take the same number.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WorkshopsAdmin {

    /** First key of the advisory lock: "the workshops of day n". */
    private static final int WORKSHOPS_LOCK = 4_0601;

    private final Workshops workshops;
    private final Programmes programmes;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;

    /** A workshop slot of the day, or 404: another day's slot or a slot of another kind is as good as unknown. */
    Slot workshopSlot(long dayId, long slotId) {
        return programmes.outline(dayId).stream()
                .filter(s -> s.id() == slotId && s.kind() == SlotKind.WORKSHOP).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    List<Workshop> ofSlot(long dayId, long slotId) {
        return workshops.ofSlot(dayId, slotId);
    }

    /** A workshop of that slot of the day, or 404. */
    Workshop workshop(long dayId, long slotId, long workshopId) {
        return workshops.ofSlot(dayId, slotId).stream().filter(w -> w.id() == workshopId).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The number a new workshop would take: the day's highest plus one. */
    int nextNumber(long dayId) {
        return workshops.ofDay(dayId).stream().mapToInt(Workshop::number).max().orElse(0) + 1;
    }

    @Transactional
    List<FieldProblem> add(ManagedDay day, Organiser who, long slotId, WorkshopForm form) {
        lock(day.id());
        Slot slot = workshopSlot(day.id(), slotId);
        WorkshopForm.Checked checked = form.check(slotId, numbers(day.id(), null));
        if (!checked.isValid()) {
            return checked.problems();
        }
        WorkshopDraft d = checked.draft();
        workshops.add(day.id(), d);
        changed(day, who, "workshop.added", "Atelier n°" + d.number() + " ajouté au créneau « " + slot.title()
                + " » : « " + d.title() + " », écriture collective : " + method(d.writingTemplate())
                + ", capacité : " + capacity(d.capacity()) + (d.room() == null ? "" : ", salle : " + Differences.quoted(d.room())));
        return List.of();
    }

    @Transactional
    List<FieldProblem> update(ManagedDay day, Organiser who, long slotId, long workshopId, WorkshopForm form) {
        lock(day.id());
        Slot slot = workshopSlot(day.id(), slotId);
        Workshop before = workshop(day.id(), slotId, workshopId);
        WorkshopForm.Checked checked = form.check(slotId, numbers(day.id(), workshopId));
        if (!checked.isValid()) {
            return checked.problems();
        }
        WorkshopDraft d = checked.draft();
        workshops.update(day.id(), workshopId, d);
        String differences = differences(before, d);
        changed(day, who, "workshop.updated", "Atelier n°" + before.number() + " du créneau « " + slot.title()
                + " » modifié" + (differences.isEmpty() ? " (aucun changement)" : " : " + differences));
        return List.of();
    }

    @Transactional
    void remove(ManagedDay day, Organiser who, long slotId, long workshopId) {
        lock(day.id());
        Slot slot = workshopSlot(day.id(), slotId);
        Workshop workshop = workshop(day.id(), slotId, workshopId);
        workshops.delete(day.id(), workshopId);
        changed(day, who, "workshop.removed", "Atelier n°" + workshop.number() + " « " + workshop.title()
                + " » retiré du créneau « " + slot.title() + " »");
    }

    List<Facilitator> facilitators(long workshopId) {
        return workshops.facilitatorsOf(workshopId);
    }

    /** A facilitator of that workshop, or 404. */
    Facilitator facilitator(long workshopId, long facilitatorId) {
        return workshops.facilitatorsOf(workshopId).stream().filter(f -> f.id() == facilitatorId).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @Transactional
    List<FieldProblem> addFacilitator(ManagedDay day, Organiser who, long slotId, long workshopId, FacilitatorForm form) {
        lock(day.id());
        Workshop workshop = workshop(day.id(), slotId, workshopId);
        List<FieldProblem> problems = form.problems();
        if (!problems.isEmpty()) {
            return problems;
        }
        Facilitator f = workshops.addFacilitator(workshopId, form.nom(), form.courriel());
        changed(day, who, "workshop.facilitator.added", "Animation de l'atelier n°" + workshop.number() + " « "
                + workshop.title() + " » : " + f.name() + " <" + f.email() + "> ajouté(e)");
        return List.of();
    }

    @Transactional
    void removeFacilitator(ManagedDay day, Organiser who, long slotId, long workshopId, long facilitatorId) {
        lock(day.id());
        Workshop workshop = workshop(day.id(), slotId, workshopId);
        Facilitator f = facilitator(workshopId, facilitatorId);
        workshops.removeFacilitator(workshopId, facilitatorId);
        changed(day, who, "workshop.facilitator.removed", "Animation de l'atelier n°" + workshop.number() + " « "
                + workshop.title() + " » : " + f.name() + " <" + f.email() + "> retiré(e)");
    }

    /** The day's workshop numbers and titles, but that of the workshop being edited. */
    private Map<Integer, String> numbers(long dayId, Long except) {
        return workshops.ofDay(dayId).stream().filter(w -> except == null || w.id() != except)
                .collect(Collectors.toMap(Workshop::number, Workshop::title, (a, b) -> a));
    }

    private void changed(ManagedDay day, Organiser who, String action, String details) {
        audit.record(day.id(), who.accountId(), who.displayName(), "workshops", action, details);
        events.publishEvent(new ProgrammeChanged(day.id()));
    }

    private void lock(long dayId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)").params(WORKSHOPS_LOCK, (int) dayId)
                .query((rs, n) -> 1).list();
    }

    private static String differences(Workshop before, WorkshopDraft after) {
        Differences changes = new Differences();
        changes.value("Numéro", "n°" + before.number(), "n°" + after.number());
        changes.text("Titre", before.title(), after.title());
        changes.text("Description", before.description(), after.description());
        changes.value("Écriture collective", method(before.writingTemplate()), method(after.writingTemplate()));
        changes.value("Capacité", capacity(before.capacity()), capacity(after.capacity()));
        changes.text("Salle", before.room(), after.room());
        return changes.toString();
    }

    // The audit trail is kept in French, whatever the organiser's language.
    private static String method(WritingTemplate template) {
        if (template == null) {
            return "aucune";
        }
        return switch (template) {
            case STATE_OF_THE_ART -> "« État de l'art »";
            case BRIGHT_MIRROR -> "« Bright Mirror »";
        };
    }

    private static String capacity(Integer capacity) {
        return capacity == null ? "sans limite" : capacity + " places";
    }

}
