package org.rencontres.programme;

import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.audit.AuditTrail;
import org.rencontres.audit.Differences;
import org.rencontres.directory.Directory;
import org.rencontres.directory.NewPerson;
import org.rencontres.directory.Person;
import org.rencontres.event.ManagedDay;
import org.rencontres.event.SessionDay;
import org.rencontres.event.SessionDays;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FrenchTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The back office's changes to a programme. Each one checks the rules, is recorded in the audit
 * trail in the same transaction, and announces {@link ProgrammeChanged}. Changes to one day's
 * programme are serialised (a transaction-scoped advisory lock), so that two organisers adding
 * slots at once cannot both pass the overlap check.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ProgrammeEditor {

    /** First key of the advisory lock: "the programme of day n". */
    private static final int PROGRAMME_LOCK = 4_0401;

    private final JdbcClient jdbc;
    private final Programmes programmes;
    private final Directory directory;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final List<SlotDependents> dependents;

    /** What a change gives back: the slot concerned, or why nothing was changed. */
    record Outcome(Long slotId, List<FieldProblem> problems) {
        static Outcome done(long slotId) {
            return new Outcome(slotId, List.of());
        }

        static Outcome refused(List<FieldProblem> problems) {
            return new Outcome(null, List.copyOf(problems));
        }

        boolean isDone() {
            return problems.isEmpty();
        }
    }

    /** A slot of the day, or 404: a slot of another day is as good as unknown here. */
    Slot slot(long dayId, long slotId) {
        return programmes.programmeOf(dayId).slots().stream().filter(s -> s.id() == slotId).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    int version(long dayId, long slotId) {
        return jdbc.sql("SELECT version FROM programme_slot WHERE id = ? AND event_day_id = ?")
                .params(slotId, dayId).query(Integer.class).optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @Transactional
    Outcome add(ManagedDay day, Organiser who, SlotForm form) {
        lock(day.id());
        SlotForm.Checked checked = form.check(null, day.days(),
                programmes.programmeOf(day.id()).slots());
        if (!checked.isValid()) {
            return Outcome.refused(checked.problems());
        }
        SlotDraft d = checked.draft();
        long id = programmes.addSlot(day.id(), d);
        changed(day, who, "slot.added", "Créneau ajouté : « " + d.title() + " » (" + range(d.startsAt(), d.endsAt())
                + ", " + trackLabel(d.track()) + ", " + kindLabel(d.kind()) + ")");
        return Outcome.done(id);
    }

    @Transactional
    Outcome update(ManagedDay day, Organiser who, long slotId, SlotForm form) {
        lock(day.id());
        Slot before = slot(day.id(), slotId);
        SlotForm.Checked checked = form.check(slotId, day.days(),
                programmes.programmeOf(day.id()).slots());
        if (!checked.isValid()) {
            return Outcome.refused(checked.problems());
        }
        SlotDraft d = checked.draft();
        if (d.kind() != before.kind()) {
            String carried = dependents.stream().map(x -> x.on(day.id(), slotId)).flatMap(Optional::stream)
                    .collect(Collectors.joining(", "));
            if (!carried.isEmpty()) {
                return Outcome.refused(List.of(FieldProblem.of("nature", "slot.error.kind.dependents", carried)));
            }
        }
        int updated = jdbc.sql("""
                UPDATE programme_slot SET session_day_id = ?, starts_at = ?, ends_at = ?, kind = ?, format_label = ?,
                    title = ?, description = ?, track = ?, provisional = ?, topics_provisional = ?, version = version + 1
                WHERE id = ? AND event_day_id = ? AND version = ?""")
                .params(d.sessionDayId(), d.startsAt(), d.endsAt(), d.kind().name(), d.formatLabel(), d.title(), d.description(),
                        d.track(), d.provisional(), d.topicsProvisional(), slotId, day.id(),
                        form.version() == null ? -1 : form.version())
                .update();
        if (updated != 1) {
            return Outcome.refused(List.of(FieldProblem.of(null, "slot.error.stale")));
        }
        jdbc.sql("DELETE FROM programme_topic WHERE slot_id = ?").param(slotId).update();
        int n = 0;
        for (String topic : d.topics()) {
            jdbc.sql("INSERT INTO programme_topic (slot_id, title, position) VALUES (?, ?, ?)")
                    .params(slotId, topic, n++).update();
        }
        String differences = differences(before, d, day.days());
        changed(day, who, "slot.updated", "Créneau « " + before.title() + " » modifié"
                + (differences.isEmpty() ? " (aucun changement)" : " : " + differences));
        return Outcome.done(slotId);
    }

    /** Moves a slot before (up) or after (down) the slot that starts at the same time next to it. */
    @Transactional
    Outcome move(ManagedDay day, Organiser who, long slotId, boolean up) {
        lock(day.id());
        Slot slot = slot(day.id(), slotId);
        List<Slot> moment = programmes.programmeOf(day.id()).slots().stream()
                .filter(s -> s.sessionDayId() == slot.sessionDayId() && s.startsAt().equals(slot.startsAt())).toList();
        int index = moment.indexOf(slot);
        int other = up ? index - 1 : index + 1;
        if (other < 0 || other >= moment.size()) {
            return Outcome.refused(List.of(FieldProblem.of(null, up ? "slot.error.move.first" : "slot.error.move.last")));
        }
        Slot neighbour = moment.get(other);
        jdbc.sql("UPDATE programme_slot SET position = ? WHERE id = ?").params(neighbour.position(), slot.id()).update();
        jdbc.sql("UPDATE programme_slot SET position = ? WHERE id = ?").params(slot.position(), neighbour.id()).update();
        changed(day, who, "slot.moved", "Créneau « " + slot.title() + " » placé " + (up ? "avant" : "après")
                + " « " + neighbour.title() + " » (" + FrenchTime.clock(slot.startsAt()) + ")");
        return Outcome.done(slotId);
    }

    @Transactional
    void remove(ManagedDay day, Organiser who, long slotId) {
        lock(day.id());
        Slot slot = slot(day.id(), slotId);
        jdbc.sql("DELETE FROM programme_slot WHERE id = ? AND event_day_id = ?").params(slotId, day.id()).update();
        changed(day, who, "slot.removed", "Créneau supprimé : « " + slot.title() + " » ("
                + range(slot.startsAt(), slot.endsAt()) + ", " + trackLabel(slot.track()) + ")");
    }

    @Transactional
    Outcome addPerson(ManagedDay day, Organiser who, long slotId, PersonForm form) {
        lock(day.id());
        Slot slot = slot(day.id(), slotId);
        Long personId = form.personId();
        Person person = personId == null ? null : directory.people(List.of(personId)).get(personId);
        List<FieldProblem> problems = form.check(person != null);
        if (problems.isEmpty()) {
            SlotRole role = PersonForm.role(form.role());
            if (slot.people().stream().anyMatch(p -> p.personId() == person.id() && p.role() == role)) {
                problems = List.of(FieldProblem.of("personne", "slot.person.error.twice"));
            } else {
                attach(day, who, slot, person, role, SlotForm.emptyToNull(form.presentation()),
                        Representative.normalise(form.representant()));
            }
        }
        return problems.isEmpty() ? Outcome.done(slotId) : Outcome.refused(problems);
    }

    @Transactional
    Outcome addNewPerson(ManagedDay day, Organiser who, long slotId, NewPersonForm form) {
        lock(day.id());
        Slot slot = slot(day.id(), slotId);
        Long organisationId = form.organisationId();
        boolean organisationKnown = organisationId == null || directory.organisation(organisationId).isPresent();
        List<FieldProblem> problems = form.check(organisationKnown);
        if (!problems.isEmpty()) {
            return Outcome.refused(problems);
        }
        Person person = createPerson(day, who, form.prenom(), form.nom(), form.fonction(), organisationId);
        attach(day, who, slot, person, PersonForm.role(form.nouveauRole()), null,
                Representative.normalise(form.nouveauRepresentant()));
        return Outcome.done(slotId);
    }

    /**
     * Records a person in the directory on behalf of the programme (a new speaker), audited on the day:
     * the one way the editor and the import create people. The caller has checked the form.
     */
    Person createPerson(ManagedDay day, Organiser who, String givenName, String familyName, String jobTitle,
                        Long organisationId) {
        Person person = directory.addPerson(new NewPerson(givenName.strip(), familyName.strip(),
                SlotForm.emptyToNull(jobTitle), organisationId, null, null));
        audit.record(day.id(), who.accountId(), who.displayName(), "programme", "person.created",
                "Personne ajoutée à l'annuaire : " + person.fullName()
                        + (person.jobTitle() == null ? "" : ", " + person.jobTitle()));
        return person;
    }

    @Transactional
    void removePerson(ManagedDay day, Organiser who, long slotId, long personId, SlotRole role) {
        lock(day.id());
        Slot slot = slot(day.id(), slotId);
        SlotPerson person = slot.people().stream().filter(p -> p.personId() == personId && p.role() == role)
                .findFirst().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        jdbc.sql("DELETE FROM programme_slot_person WHERE slot_id = ? AND person_id = ? AND role = ?")
                .params(slotId, personId, role.name()).update();
        changed(day, who, "slot.person.removed", person.givenName() + " " + person.familyName() + " ("
                + roleLabel(role) + ") retiré(e) du créneau « " + slot.title() + " »");
    }

    private void attach(ManagedDay day, Organiser who, Slot slot, Person person, SlotRole role, String presentation,
                        String representative) {
        jdbc.sql("""
                INSERT INTO programme_slot_person (slot_id, person_id, role, description, organisation_id,
                    representative_text, position)
                VALUES (?, ?, ?, ?, NULL, ?, (SELECT coalesce(max(position) + 1, 0) FROM programme_slot_person
                                              WHERE slot_id = ?))""")
                .params(slot.id(), person.id(), role.name(), presentation, representative, slot.id())
                .update();
        changed(day, who, "slot.person.added", person.fullName() + " (" + roleLabel(role)
                + (representative == null ? "" : ", " + Differences.quoted(representative)) + ") ajouté(e) au créneau « " + slot.title() + " »");
    }

    void changed(ManagedDay day, Organiser who, String action, String details) {
        audit.record(day.id(), who.accountId(), who.displayName(), "programme", action, details);
        events.publishEvent(new ProgrammeChanged(day.id()));
    }

    void lock(long dayId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)").params(PROGRAMME_LOCK, (int) dayId)
                .query((rs, n) -> 1).list();
    }

    private String differences(Slot before, SlotDraft after, SessionDays days) {
        Differences changes = new Differences();
        changes.value("Jour", dayLabel(days, before.sessionDayId()), dayLabel(days, after.sessionDayId()));
        changes.value("Début", FrenchTime.clock(before.startsAt()), FrenchTime.clock(after.startsAt()));
        changes.value("Fin", FrenchTime.clock(before.endsAt()), FrenchTime.clock(after.endsAt()));
        changes.value("Nature", kindLabel(before.kind()), kindLabel(after.kind()));
        changes.text("Format", before.formatLabel(), after.formatLabel());
        changes.text("Titre", before.title(), after.title());
        changes.text("Description", before.description(), after.description());
        changes.value("Piste", trackLabel(before.track()), trackLabel(after.track()));
        changes.flag("Provisoire", before.provisional(), after.provisional());
        changes.value("Sujets", Differences.quoted(String.join(" / ", before.topics())), Differences.quoted(String.join(" / ", after.topics())));
        changes.flag("Sujets sous réserve", before.topicsProvisional(), after.topicsProvisional());
        return changes.toString();
    }

    private static String dayLabel(SessionDays days, long sessionDayId) {
        return days.byId(sessionDayId).map(SessionDay::frenchDate).orElse("?");
    }

    private static String range(LocalTime start, LocalTime end) {
        return FrenchTime.clock(start) + "–" + FrenchTime.clock(end);
    }

    private static String trackLabel(String track) {
        return track == null ? "programme principal" : "piste « " + track + " »";
    }

    // The audit trail is kept in French, whatever the organiser's language.
    String kindLabel(SlotKind kind) {
        return messages.getMessage("programme.kind." + kind.name(), null, Locale.FRENCH);
    }

    private String roleLabel(SlotRole role) {
        return messages.getMessage("programme.role." + role.name(), null, Locale.FRENCH);
    }

    /** The slots' versions, for the edit forms' optimistic locking. */
    Map<Long, Integer> versions(long dayId) {
        return jdbc.sql("SELECT id, version FROM programme_slot WHERE event_day_id = ?").param(dayId)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
