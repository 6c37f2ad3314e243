package org.rencontres.networking;

import static org.rencontres.networking.RotationAudit.discardedNote;
import static org.rencontres.networking.RotationChecks.MAX_CAPACITY;
import static org.rencontres.networking.RotationChecks.MAX_CHANGEOVER;
import static org.rencontres.networking.RotationChecks.MAX_MINUTES;
import static org.rencontres.networking.RotationChecks.MAX_NAME;
import static org.rencontres.networking.RotationChecks.number;
import static org.rencontres.networking.RotationChecks.strip;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.directory.Directory;
import org.rencontres.directory.Person;
import org.rencontres.event.ManagedDay;
import org.rencontres.networking.RotationData.Member;
import org.rencontres.networking.RotationData.RoomTable;
import org.rencontres.networking.RotationData.Settings;
import org.rencontres.programme.Slot;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * A rotation's set-up before its plan is published: settings, tables and hosts, the list of
 * participants (typed or imported from the confirmed registrants). Every change is audited in its
 * transaction and serialised per rotation; a change that alters who sits where discards the plan,
 * and nothing changes while the plan is published.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RotationSetup {

    private final RotationStore store;
    private final Directory directory;
    private final ConfirmedRegistrants registrants;
    private final RotationAudit audit;
    private final RotationDay rotationDay;

    Settings settings(NetworkingSession session) {
        return store.settings(session);
    }

    List<RoomTable> tables(NetworkingSession session) {
        return store.tables(session.id());
    }

    Optional<RoomTable> table(NetworkingSession session, long tableId) {
        return store.table(session.id(), tableId);
    }

    List<Member> members(NetworkingSession session) {
        return store.members(session.id());
    }

    Optional<Member> member(NetworkingSession session, long participantId) {
        return store.member(session.id(), participantId);
    }

    List<Person> hostChoices() {
        return directory.peopleByName();
    }

    @Transactional
    Outcome saveSettings(ManagedDay day, Organiser who, Slot slot, NetworkingSession session, SettingsForm form) {
        Optional<Outcome> frozen = lockUnlessPublished(session, "reglages");
        if (frozen.isPresent()) {
            return frozen.get();
        }
        List<FieldProblem> problems = new ArrayList<>();
        Integer rotation = number(form.rotation(), "rotation", "networking.setup.error.rotation.missing", problems);
        if (rotation != null && (rotation < 1 || rotation > MAX_MINUTES)) {
            problems.add(FieldProblem.of("rotation", "networking.setup.error.rotation.range", MAX_MINUTES));
            rotation = null;
        }
        Integer changeover = number(form.changement(), "changement", "networking.setup.error.changeover.missing",
                problems);
        if (changeover != null && (changeover < 0 || changeover > MAX_CHANGEOVER)) {
            problems.add(FieldProblem.of("changement", "networking.setup.error.changeover.range", MAX_CHANGEOVER));
            changeover = null;
        }
        Integer chosen = null;
        if (form.rotations() != null && !form.rotations().isBlank()) {
            chosen = number(form.rotations(), "rotations", "networking.setup.error.rounds.missing", problems);
            if (chosen != null && chosen < 1) {
                problems.add(FieldProblem.of("rotations", "networking.setup.error.rounds.min"));
                chosen = null;
            }
        }
        if (rotation != null && changeover != null) {
            Rounds r = Rounds.of(slot, new Settings(rotation, changeover, chosen, true, false));
            if (r.fitting() == 0) {
                problems.add(FieldProblem.of("rotation", "networking.setup.error.slot.short", r.slotMinutes(), rotation));
            } else if (chosen != null && chosen > r.fitting()) {
                problems.add(FieldProblem.of("rotations", "networking.setup.error.rounds.fit", r.fitting(),
                        r.slotMinutes(), rotation, changeover));
            }
        }
        if (!problems.isEmpty()) {
            return new Outcome(problems, false);
        }
        Settings before = store.settings(session);
        Settings after = new Settings(rotation, changeover, chosen, form.jamaisDeuxFois(), form.separerCollegues());
        store.saveSettings(session.id(), after);
        boolean discarded = !before.equals(after) && store.discardPlan(session.id());
        Rounds r = Rounds.of(slot, after);
        audit.record(day, who, "setup.settings", "Speed dating « " + session.title() + " » : rotations de "
                + rotation + " min, " + changeover + " min de changement, " + r.effective() + " rotation(s)"
                + (chosen == null ? " (autant que le créneau permet)" : " (choisies)")
                + ", jamais deux fois à la même table : " + yesNo(after.tableOnce())
                + ", collègues séparés : " + yesNo(after.separateOrganisations()) + discardedNote(discarded));
        return Outcome.done(discarded);
    }

    @Transactional
    Outcome saveTable(ManagedDay day, Organiser who, NetworkingSession session, Long tableId, TableForm form) {
        Optional<Outcome> frozen = lockUnlessPublished(session, "nom");
        if (frozen.isPresent()) {
            return frozen.get();
        }
        Optional<RoomTable> before = tableId == null ? Optional.empty() : store.table(session.id(), tableId);
        if (tableId != null && before.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        List<FieldProblem> problems = new ArrayList<>();
        String name = strip(form.nom());
        if (name.isEmpty()) {
            problems.add(FieldProblem.of("nom", "networking.table.error.name.missing"));
        } else if (name.length() > MAX_NAME) {
            problems.add(FieldProblem.of("nom", "networking.table.error.name.long", MAX_NAME));
        } else if (store.tableNameTaken(session.id(), name, tableId)) {
            problems.add(FieldProblem.of("nom", "networking.table.error.name.taken", name));
        }
        String place = strip(form.emplacement());
        if (place.length() > MAX_NAME) {
            problems.add(FieldProblem.of("emplacement", "networking.table.error.place.long", MAX_NAME));
        }
        Integer capacity = number(form.capacite(), "capacite", "networking.table.error.capacity.missing", problems);
        if (capacity != null && (capacity < 1 || capacity > MAX_CAPACITY)) {
            problems.add(FieldProblem.of("capacite", "networking.table.error.capacity.range", MAX_CAPACITY));
        }
        Person host = null;
        String hostTyped = strip(form.animateur());
        if (!hostTyped.isEmpty()) {
            try {
                host = directory.people(List.of(Long.parseLong(hostTyped))).get(Long.parseLong(hostTyped));
            } catch (NumberFormatException e) {
                host = null;
            }
            if (host == null) {
                problems.add(FieldProblem.of("animateur", "networking.table.error.host.unknown"));
            }
        }
        String theme = strip(form.theme());
        if (!theme.isEmpty() && !session.themes().contains(theme)) {
            problems.add(FieldProblem.of("theme", "networking.table.error.theme.unknown"));
        }
        if (!problems.isEmpty()) {
            return new Outcome(problems, false);
        }
        RoomTable table = new RoomTable(tableId == null ? 0 : tableId, name, place.isEmpty() ? null : place, capacity,
                host == null ? null : host.id(), host == null ? null : host.fullName(), theme.isEmpty() ? null : theme,
                before.map(RoomTable::position).orElse(0));
        String description = "table « " + name + " »" + (place.isEmpty() ? "" : " (" + place + ")") + ", "
                + capacity + " places, animée par " + (host == null ? "(personne)" : host.fullName())
                + ", thème : " + (theme.isEmpty() ? "(aucun)" : "« " + theme + " »");
        boolean discarded;
        if (before.isEmpty()) {
            store.addTable(session.id(), table);
            discarded = store.discardPlan(session.id());
            audit.record(day, who, "setup.table.added", "Speed dating « " + session.title() + " » : " + description
                    + discardedNote(discarded));
        } else {
            store.updateTable(session.id(), table);
            // The name, place, host and theme do not change who sits where; the capacity does.
            discarded = before.get().capacity() != capacity && store.discardPlan(session.id());
            audit.record(day, who, "setup.table.changed", "Speed dating « " + session.title() + " » : "
                    + before.get().label() + " devient " + description + discardedNote(discarded));
        }
        return Outcome.done(discarded);
    }

    @Transactional
    Outcome removeTable(ManagedDay day, Organiser who, NetworkingSession session, long tableId) {
        return remove(day, who, session, "tables", "setup.table.removed",
                () -> store.table(session.id(), tableId).map(t -> "table " + t.label() + " retirée"),
                () -> store.removeTable(session.id(), tableId));
    }

    @Transactional
    Outcome addMember(ManagedDay day, Organiser who, NetworkingSession session, ParticipantForm form) {
        Optional<Outcome> frozen = lockUnlessPublished(session, "nom");
        if (frozen.isPresent()) {
            return frozen.get();
        }
        List<FieldProblem> problems = RotationChecks.participant(form);
        if (!problems.isEmpty()) {
            return new Outcome(problems, false);
        }
        String name = strip(form.nom());
        String organisation = strip(form.organisation());
        store.addMember(session.id(), name, organisation.isEmpty() ? null : organisation, null);
        boolean discarded = store.discardPlan(session.id());
        audit.record(day, who, "participants.added", "Speed dating « " + session.title() + " » : participant « "
                + name + " »" + (organisation.isEmpty() ? "" : " (" + organisation + ")") + " ajouté"
                + discardedNote(discarded));
        return Outcome.done(discarded);
    }

    @Transactional
    Outcome removeMember(ManagedDay day, Organiser who, NetworkingSession session, long participantId) {
        return remove(day, who, session, "participants", "participants.removed",
                () -> store.member(session.id(), participantId).map(m -> "participant « " + m.name() + " » retiré"),
                () -> store.removeMember(session.id(), participantId));
    }

    /**
     * Removes a table or a participant ({@code what}: how the audit names it, none: 404), which
     * discards the plan.
     */
    private Outcome remove(ManagedDay day, Organiser who, NetworkingSession session, String field, String action,
                           Supplier<Optional<String>> what, Runnable removal) {
        Optional<Outcome> frozen = lockUnlessPublished(session, field);
        if (frozen.isPresent()) {
            return frozen.get();
        }
        String removed = what.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        boolean discarded = store.discardPlan(session.id());
        removal.run();
        audit.record(day, who, action, "Speed dating « " + session.title() + " » : " + removed
                + discardedNote(discarded));
        return Outcome.done(discarded);
    }

    /** The import's outcome: how many were added and how many were already in the list. */
    record Imported(int added, int alreadyThere, Outcome outcome) {
    }

    /**
     * Adds the day's confirmed registrants who are not in the list yet, with their registration and
     * their employer's name as organisation.
     */
    @Transactional
    Imported importConfirmed(ManagedDay day, Organiser who, NetworkingSession session) {
        return importRegistrants(day, who, session, false);
    }

    /**
     * Adds the confirmed registrants (or, {@code checkedIn}, those who opted in and have been checked
     * in at the welcome desk) who are not in the list yet; refused once the plan is published.
     */
    @Transactional
    Imported importRegistrants(ManagedDay day, Organiser who, NetworkingSession session, boolean checkedIn) {
        Optional<Outcome> frozen = lockUnlessPublished(session, "participants");
        if (frozen.isPresent()) {
            return new Imported(0, 0, frozen.get());
        }
        int added = 0;
        int already = 0;
        for (ConfirmedRegistrants.Registrant r : checkedIn
                ? registrants.checkedIn(day.id(), rotationDay.of(day, session))
                : registrants.confirmed(day.id())) {
            if (store.hasRegistration(session.id(), r.registrationId())) {
                already++;
                continue;
            }
            store.addMember(session.id(), r.name(), r.organisation(), r.registrationId());
            added++;
        }
        boolean discarded = added > 0 && store.discardPlan(session.id());
        audit.record(day, who, "participants.imported", "Speed dating « " + session.title() + " » : " + added
                + (checkedIn ? " présent(s) à l'accueil importé(s), " : " inscrit(s) confirmé(s) importé(s), ")
                + already + " déjà dans la liste" + discardedNote(discarded));
        return new Imported(added, already, Outcome.done(discarded));
    }

    /** Takes the rotation's lock; the refusal when the plan is published (the set-up is frozen then). */
    private Optional<Outcome> lockUnlessPublished(NetworkingSession session, String field) {
        store.lock(session.id());
        if (store.status(session.id()).published()) {
            return Optional.of(Outcome.refused(FieldProblem.of(field, "networking.setup.error.published")));
        }
        return Optional.empty();
    }

    private static String yesNo(boolean b) {
        return b ? "oui" : "non";
    }
}
