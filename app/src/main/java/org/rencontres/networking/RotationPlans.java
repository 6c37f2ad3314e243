package org.rencontres.networking;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.rencontres.audit.AuditTrail;
import org.rencontres.directory.Directory;
import org.rencontres.directory.Person;
import org.rencontres.networking.RotationData.Member;
import org.rencontres.networking.RotationData.PlanStatus;
import org.rencontres.networking.RotationData.RoomTable;
import org.rencontres.networking.RotationData.SeatRow;
import org.rencontres.networking.RotationData.Settings;
import org.rencontres.planner.InvalidProblemException;
import org.rencontres.planner.rotation.Participant;
import org.rencontres.planner.rotation.RotationMetrics;
import org.rencontres.planner.rotation.RotationMetricsCalculator;
import org.rencontres.planner.rotation.RotationProblem;
import org.rencontres.planner.rotation.Rules;
import org.rencontres.planner.rotation.Table;
import org.rencontres.planner.rotation.TableGroup;
import org.rencontres.planner.rotation.TableSizes;
import org.rencontres.programme.Slot;
import org.rencontres.security.ManagedDay;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FieldProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A rotation's set-up (settings, tables and hosts, participants), its plan (generated in the
 * background by the planner), hand swaps, publication. Every change is audited in its transaction
 * and serialised per rotation; a set-up change discards the plan, and nothing changes while the
 * plan is published. Problems come back as message codes (field: the part of the page they concern).
 */
@Service
class RotationPlans {

    static final int MAX_NAME = 200;
    static final int MAX_CAPACITY = 100;
    static final int MAX_MINUTES = 600;
    static final int MAX_CHANGEOVER = 60;

    private final RotationStore store;
    private final Directory directory;
    private final ConfirmedRegistrants registrants;
    private final AuditTrail audit;
    private final PlanGenerator generator;
    private final LiveSessions live;
    private final PublishedPlans published;
    private final long timeLimitMillis;

    RotationPlans(RotationStore store, Directory directory, ConfirmedRegistrants registrants, AuditTrail audit,
                  PlanGenerator generator,
                  @Value("${rencontres.networking.plan-time-limit-ms:3000}") long timeLimitMillis,
                  LiveSessions live, PublishedPlans published) {
        this.live = live;
        this.published = published;
        this.store = store;
        this.directory = directory;
        this.registrants = registrants;
        this.audit = audit;
        this.generator = generator;
        this.timeLimitMillis = timeLimitMillis;
    }

    /** How many rounds fit in the slot, and how many the rotation will have. */
    record Rounds(int slotMinutes, int fitting, Integer chosen, int effective) {
    }

    static Rounds rounds(Slot slot, Settings s) {
        int slotMinutes = (int) Duration.between(slot.startsAt(), slot.endsAt()).toMinutes();
        int fitting = Math.max(0, (slotMinutes + s.changeoverMinutes()) / (s.rotationMinutes() + s.changeoverMinutes()));
        int effective = s.roundsChosen() == null ? fitting : Math.min(s.roundsChosen(), fitting);
        return new Rounds(slotMinutes, fitting, s.roundsChosen(), effective);
    }

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

    PlanStatus status(NetworkingSession session) {
        return store.status(session.id());
    }

    List<SeatRow> seats(NetworkingSession session) {
        return store.seats(session.id());
    }

    List<Person> hostChoices() {
        return directory.peopleByName();
    }

    // ---- set-up ----

    /** The outcome of a change: the problems (nothing changed), or none and whether a plan was discarded. */
    record Outcome(List<FieldProblem> problems, boolean planDiscarded) {
        boolean ok() {
            return problems.isEmpty();
        }

        static Outcome refused(FieldProblem p) {
            return new Outcome(List.of(p), false);
        }
    }

    @Transactional
    Outcome saveSettings(ManagedDay day, Organiser who, Slot slot, NetworkingSession session, SettingsForm form) {
        store.lock(session.id());
        Optional<Outcome> frozen = frozen(session, "reglages");
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
            Rounds r = rounds(slot, new Settings(rotation, changeover, chosen, true, false));
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
        Rounds r = rounds(slot, after);
        record(day, who, "setup.settings", "Speed dating « " + session.title() + " » : rotations de "
                + rotation + " min, " + changeover + " min de changement, " + r.effective() + " rotation(s)"
                + (chosen == null ? " (autant que le créneau permet)" : " (choisies)")
                + ", jamais deux fois à la même table : " + yesNo(after.tableOnce())
                + ", collègues séparés : " + yesNo(after.separateOrganisations()) + discardedNote(discarded));
        return new Outcome(List.of(), discarded);
    }

    @Transactional
    Outcome saveTable(ManagedDay day, Organiser who, NetworkingSession session, Long tableId, TableForm form) {
        store.lock(session.id());
        Optional<Outcome> frozen = frozen(session, "nom");
        if (frozen.isPresent()) {
            return frozen.get();
        }
        Optional<RoomTable> before = tableId == null ? Optional.empty() : store.table(session.id(), tableId);
        if (tableId != null && before.isEmpty()) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
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
            record(day, who, "setup.table.added", "Speed dating « " + session.title() + " » : " + description
                    + discardedNote(discarded));
        } else {
            store.updateTable(session.id(), table);
            // The name, place, host and theme do not change who sits where; the capacity does.
            discarded = before.get().capacity() != capacity && store.discardPlan(session.id());
            record(day, who, "setup.table.changed", "Speed dating « " + session.title() + " » : "
                    + before.get().label() + " devient " + description + discardedNote(discarded));
        }
        return new Outcome(List.of(), discarded);
    }

    @Transactional
    Outcome removeTable(ManagedDay day, Organiser who, NetworkingSession session, long tableId) {
        store.lock(session.id());
        Optional<Outcome> frozen = frozen(session, "tables");
        if (frozen.isPresent()) {
            return frozen.get();
        }
        RoomTable table = store.table(session.id(), tableId).orElseThrow(() ->
                new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
        boolean discarded = store.discardPlan(session.id());
        store.removeTable(session.id(), tableId);
        record(day, who, "setup.table.removed", "Speed dating « " + session.title() + " » : table "
                + table.label() + " retirée" + discardedNote(discarded));
        return new Outcome(List.of(), discarded);
    }

    @Transactional
    Outcome addMember(ManagedDay day, Organiser who, NetworkingSession session, ParticipantForm form) {
        store.lock(session.id());
        Optional<Outcome> frozen = frozen(session, "nom");
        if (frozen.isPresent()) {
            return frozen.get();
        }
        List<FieldProblem> problems = new ArrayList<>();
        String name = strip(form.nom());
        if (name.isEmpty()) {
            problems.add(FieldProblem.of("nom", "networking.participant.error.name.missing"));
        } else if (name.length() > MAX_NAME) {
            problems.add(FieldProblem.of("nom", "networking.participant.error.name.long", MAX_NAME));
        }
        String organisation = strip(form.organisation());
        if (organisation.length() > MAX_NAME) {
            problems.add(FieldProblem.of("organisation", "networking.participant.error.organisation.long", MAX_NAME));
        }
        if (!problems.isEmpty()) {
            return new Outcome(problems, false);
        }
        store.addMember(session.id(), name, organisation.isEmpty() ? null : organisation, null);
        boolean discarded = store.discardPlan(session.id());
        record(day, who, "participants.added", "Speed dating « " + session.title() + " » : participant « " + name
                + " »" + (organisation.isEmpty() ? "" : " (" + organisation + ")") + " ajouté" + discardedNote(discarded));
        return new Outcome(List.of(), discarded);
    }

    @Transactional
    Outcome removeMember(ManagedDay day, Organiser who, NetworkingSession session, long participantId) {
        store.lock(session.id());
        Optional<Outcome> frozen = frozen(session, "participants");
        if (frozen.isPresent()) {
            return frozen.get();
        }
        Member member = store.members(session.id()).stream().filter(m -> m.id() == participantId).findFirst()
                .orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.NOT_FOUND));
        boolean discarded = store.discardPlan(session.id());
        store.removeMember(session.id(), participantId);
        record(day, who, "participants.removed", "Speed dating « " + session.title() + " » : participant « "
                + member.name() + " » retiré" + discardedNote(discarded));
        return new Outcome(List.of(), discarded);
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
     * On the day: adds the confirmed registrants who opted in and have been checked in at the
     * welcome desk, and are not in the list yet.
     */
    @Transactional
    Imported importCheckedIn(ManagedDay day, Organiser who, NetworkingSession session) {
        return importRegistrants(day, who, session, true);
    }

    private Imported importRegistrants(ManagedDay day, Organiser who, NetworkingSession session, boolean checkedIn) {
        store.lock(session.id());
        if (checkedIn && store.status(session.id()).published()) {
            return importLateArrivals(day, who, session);
        }
        Optional<Outcome> frozen = frozen(session, "participants");
        if (frozen.isPresent()) {
            return new Imported(0, 0, frozen.get());
        }
        int added = 0;
        int already = 0;
        for (ConfirmedRegistrants.Registrant r : checkedIn ? registrants.checkedIn(day.id()) : registrants.confirmed(day.id())) {
            if (store.hasRegistration(session.id(), r.registrationId())) {
                already++;
                continue;
            }
            store.addMember(session.id(), r.name(), r.organisation(), r.registrationId());
            added++;
        }
        boolean discarded = added > 0 && store.discardPlan(session.id());
        record(day, who, "participants.imported", "Speed dating « " + session.title() + " » : " + added
                + (checkedIn ? " présent(s) à l'accueil importé(s), " : " inscrit(s) confirmé(s) importé(s), ")
                + already + " déjà dans la liste" + discardedNote(discarded));
        return new Imported(added, already, new Outcome(List.of(), discarded));
    }

    // ---- what stands in the way ----

    /**
     * What prevents generating (or publishing) the plan, each with a suggestion: no tables, a table
     * without host, a host no longer in the directory, too few or too many participants, a slot too
     * short, more rounds than tables under the table rule, tables too small for even groups.
     */
    List<FieldProblem> blockers(Slot slot, NetworkingSession session) {
        Settings settings = store.settings(session);
        List<RoomTable> tables = store.tables(session.id());
        List<Member> members = store.members(session.id());
        Rounds rounds = rounds(slot, settings);
        List<FieldProblem> problems = new ArrayList<>();
        if (tables.isEmpty()) {
            problems.add(FieldProblem.of("tables", "networking.blocker.no.tables"));
        }
        List<Long> hostIds = tables.stream().map(RoomTable::hostPersonId).filter(Objects::nonNull).toList();
        Map<Long, Person> hosts = directory.people(hostIds);
        for (RoomTable t : tables) {
            if (t.hostPersonId() == null) {
                problems.add(FieldProblem.of("tables", "networking.blocker.no.host", t.name()));
            } else if (!hosts.containsKey(t.hostPersonId())) {
                problems.add(FieldProblem.of("tables", "networking.blocker.host.removed", t.name(), t.hostName()));
            }
        }
        if (members.size() < 2) {
            problems.add(FieldProblem.of("participants", "networking.blocker.few.participants"));
        }
        if (rounds.fitting() == 0) {
            problems.add(FieldProblem.of("reglages", "networking.blocker.slot.short", rounds.slotMinutes(),
                    settings.rotationMinutes(), settings.changeoverMinutes()));
        }
        int seats = tables.stream().mapToInt(RoomTable::capacity).sum();
        if (!tables.isEmpty() && members.size() > seats) {
            problems.add(FieldProblem.of("tables", "networking.blocker.seats", members.size(), seats,
                    members.size() - seats));
        } else if (!tables.isEmpty() && members.size() >= 2) {
            int[] capacities = tables.stream().mapToInt(RoomTable::capacity).toArray();
            TableSizes sizes = TableSizes.of(members.size(), new int[capacities.length], capacities);
            if (sizes != null && sizes.spread() > 1) {
                for (RoomTable t : tables) {
                    if (t.capacity() < sizes.level()) {
                        problems.add(FieldProblem.of("tables", "networking.blocker.uneven", t.name(), t.capacity(),
                                sizes.level(), members.size()));
                    }
                }
            }
        }
        if (settings.tableOnce() && !tables.isEmpty() && rounds.effective() > tables.size()) {
            problems.add(FieldProblem.of("reglages", "networking.blocker.table.once", rounds.effective(),
                    tables.size()));
        }
        return problems;
    }

    // ---- the plan ----

    /**
     * Starts generating the plan in the background, after this transaction commits; the problems
     * when it cannot start (nothing changes then).
     */
    @Transactional
    List<FieldProblem> generate(ManagedDay day, Organiser who, Slot slot, NetworkingSession session) {
        store.lock(session.id());
        PlanStatus status = store.status(session.id());
        if (status.published()) {
            return List.of(FieldProblem.of("plan", "networking.plan.error.published"));
        }
        List<FieldProblem> problems = blockers(slot, session);
        if (!problems.isEmpty()) {
            return problems;
        }
        Settings settings = store.settings(session);
        int rounds = rounds(slot, settings).effective();
        RotationProblem problem;
        try {
            problem = problem(store.tables(session.id()), store.members(session.id()), settings, rounds,
                    RotationProblem.DEFAULT_SEED + status.generation(), timeLimitMillis);
        } catch (InvalidProblemException e) {
            return List.of(FieldProblem.of("plan", "networking.plan.error.invalid", e.getMessage()));
        }
        Optional<Integer> generation = store.claimGeneration(session.id(), who.accountId(), who.displayName());
        if (generation.isEmpty()) {
            return List.of(FieldProblem.of("plan", "networking.plan.error.running"));
        }
        store.discardSeatsOnly(session.id());
        audit.record(day.id(), who.accountId(), who.displayName(), "networking", "plan.requested",
                "Speed dating « " + session.title() + " » : génération du plan demandée (" + problem.participants().size()
                        + " participants, " + problem.tables().size() + " tables, " + rounds + " rotations)");
        PlanGenerator.Job job = new PlanGenerator.Job(day.id(), session.id(), session.title(), generation.get(), problem);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                generator.submit(job);
            }
        });
        return List.of();
    }

    static RotationProblem problem(List<RoomTable> tables, List<Member> members, Settings settings, int rounds,
                                   long seed, long timeLimitMillis) {
        List<Table> ts = tables.stream().map(t -> new Table(tableKey(t.id()), t.capacity())).toList();
        List<Participant> ps = members.stream().map(m -> new Participant(memberKey(m.id()),
                m.organisation() == null ? null : m.organisation().strip().toLowerCase(java.util.Locale.ROOT), null))
                .toList();
        return new RotationProblem(rounds, ts, ps, new Rules(settings.tableOnce(), settings.separateOrganisations()),
                List.of(), List.of(), seed, timeLimitMillis, 0);
    }

    static String tableKey(long id) {
        return "t" + id;
    }

    static String memberKey(long id) {
        return "p" + id;
    }

    /** The planner's rounds for the stored seats, tables in the room's order. */
    static List<org.rencontres.planner.rotation.PlannedRound> plannerRounds(int rounds, List<RoomTable> tables,
                                                                          List<SeatRow> seats) {
        List<org.rencontres.planner.rotation.PlannedRound> result = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            List<TableGroup> groups = new ArrayList<>();
            for (RoomTable t : tables) {
                int round = r;
                groups.add(new TableGroup(tableKey(t.id()), seats.stream()
                        .filter(s -> s.round() == round && s.tableId() == t.id())
                        .map(s -> memberKey(s.participantId())).toList()));
            }
            result.add(new org.rencontres.planner.rotation.PlannedRound(r, groups));
        }
        return result;
    }

    /**
     * Swaps two participants' tables in one round, unless it breaks a rule (the problem names it);
     * the metrics are measured again.
     */
    @Transactional
    List<FieldProblem> swap(ManagedDay day, Organiser who, NetworkingSession session, SwapForm form) {
        store.lock(session.id());
        PlanStatus status = store.status(session.id());
        if (status.published()) {
            return List.of(FieldProblem.of("plan", "networking.plan.error.published"));
        }
        if (!status.done()) {
            return List.of(FieldProblem.of("plan", "networking.swap.error.no.plan"));
        }
        List<FieldProblem> problems = new ArrayList<>();
        Integer round = number(form.tour(), "tour", "networking.swap.error.round.missing", problems);
        if (round != null && (round < 1 || round > status.rounds())) {
            problems.add(FieldProblem.of("tour", "networking.swap.error.round.range", status.rounds()));
            round = null;
        }
        List<Member> members = store.members(session.id());
        Map<Long, Member> byId = new HashMap<>();
        members.forEach(m -> byId.put(m.id(), m));
        Member first = member(form.premier(), "premier", byId, problems);
        Member second = member(form.second(), "second", byId, problems);
        if (first != null && second != null && first.id() == second.id()) {
            problems.add(FieldProblem.of("second", "networking.swap.error.same.person"));
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        int r = round - 1;
        List<SeatRow> seats = store.seats(session.id());
        List<RoomTable> tables = store.tables(session.id());
        Map<Long, RoomTable> tableById = new HashMap<>();
        tables.forEach(t -> tableById.put(t.id(), t));
        Long firstTable = tableOf(seats, r, first.id());
        Long secondTable = tableOf(seats, r, second.id());
        if (firstTable == null || secondTable == null) {
            return List.of(FieldProblem.of("tour", "networking.swap.error.not.seated"));
        }
        if (firstTable.equals(secondTable)) {
            return List.of(FieldProblem.of("second", "networking.swap.error.same.table", first.name(), second.name(),
                    tableById.get(firstTable).name()));
        }
        Settings settings = store.settings(session);
        List<FieldProblem> broken = new ArrayList<>();
        checkMove(settings, seats, r, first, secondTable, second, byId, tableById, broken);
        checkMove(settings, seats, r, second, firstTable, first, byId, tableById, broken);
        if (!broken.isEmpty()) {
            return broken;
        }
        store.moveSeat(session.id(), r, first.id(), secondTable);
        store.moveSeat(session.id(), r, second.id(), firstTable);
        RotationProblem problem = problem(tables, members, settings, status.rounds(), RotationProblem.DEFAULT_SEED,
                timeLimitMillis);
        RotationMetrics metrics = RotationMetricsCalculator.measure(problem,
                plannerRounds(status.rounds(), tables, store.seats(session.id())));
        store.storeMetrics(session.id(), status.rounds(), metrics, null, false);
        audit.record(day.id(), who.accountId(), who.displayName(), "networking", "plan.swapped",
                "Speed dating « " + session.title() + " », rotation " + round + " : « " + first.name() + " » passe à la table "
                        + tableById.get(secondTable).label() + " et « " + second.name() + " » à la table "
                        + tableById.get(firstTable).label());
        return List.of();
    }

    /** Whether {@code who} may sit at {@code table} in round r, once {@code leaving} has left it. */
    private static void checkMove(Settings settings, List<SeatRow> seats, int r, Member who, long table,
                                  Member leaving, Map<Long, Member> members, Map<Long, RoomTable> tables,
                                  List<FieldProblem> broken) {
        if (settings.tableOnce()) {
            seats.stream().filter(s -> s.round() != r && s.participantId() == who.id() && s.tableId() == table)
                    .findFirst().ifPresent(s -> broken.add(FieldProblem.of("second", "networking.swap.error.table.once",
                            who.name(), tables.get(table).name(), s.round() + 1)));
        }
        if (settings.separateOrganisations() && who.organisation() != null) {
            seats.stream().filter(s -> s.round() == r && s.tableId() == table && s.participantId() != leaving.id()
                            && s.participantId() != who.id())
                    .map(s -> members.get(s.participantId()))
                    .filter(m -> m != null && m.organisation() != null
                            && m.organisation().strip().equalsIgnoreCase(who.organisation().strip()))
                    .findFirst().ifPresent(m -> broken.add(FieldProblem.of("second",
                            "networking.swap.error.colleagues", who.name(), m.name(), who.organisation(),
                            tables.get(table).name())));
        }
    }

    private static Long tableOf(List<SeatRow> seats, int round, long participantId) {
        return seats.stream().filter(s -> s.round() == round && s.participantId() == participantId)
                .map(SeatRow::tableId).findFirst().orElse(null);
    }

    private static Member member(String typed, String field, Map<Long, Member> members, List<FieldProblem> problems) {
        String s = strip(typed);
        if (s.isEmpty()) {
            problems.add(FieldProblem.of(field, "networking.swap.error.person.missing"));
            return null;
        }
        try {
            Member m = members.get(Long.parseLong(s));
            if (m == null) {
                problems.add(FieldProblem.of(field, "networking.swap.error.person.unknown"));
            }
            return m;
        } catch (NumberFormatException e) {
            problems.add(FieldProblem.of(field, "networking.swap.error.person.unknown"));
            return null;
        }
    }

    /** Publishes the plan, which freezes it; the problems when it is not ready (nothing published). */
    @Transactional
    List<FieldProblem> publish(ManagedDay day, Organiser who, Slot slot, NetworkingSession session) {
        store.lock(session.id());
        PlanStatus status = store.status(session.id());
        if (status.published()) {
            return List.of(FieldProblem.of("plan", "networking.plan.error.published"));
        }
        if (!status.done()) {
            return List.of(FieldProblem.of("plan", "networking.publish.error.no.plan"));
        }
        List<FieldProblem> problems = new ArrayList<>(blockers(slot, session));
        int members = store.members(session.id()).size();
        if (store.seats(session.id()).size() != members * status.rounds()) {
            problems.add(FieldProblem.of("plan", "networking.publish.error.incomplete"));
        }
        if (status.rounds() != rounds(slot, store.settings(session)).effective()) {
            problems.add(FieldProblem.of("plan", "networking.publish.error.rounds", status.rounds(),
                    rounds(slot, store.settings(session)).effective()));
        }
        if (live.state(session.id()).filter(l -> l.status() == LiveStatus.RUNNING || l.status() == LiveStatus.PAUSED)
                .isPresent()) {
            problems.add(FieldProblem.of("plan", "networking.publish.error.live"));
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        store.publish(session.id(), who.displayName());
        // The conductor screen runs what was published, from the same transaction.
        PublishedPlan plan = published.published(session.id()).orElseThrow();
        live.prepare(session.id(), day.id(), livePlan(plan, store.publicKeys(session.id())));
        audit.record(day.id(), who.accountId(), who.displayName(), "networking", "plan.published",
                "Speed dating « " + session.title() + " » : plan publié (" + status.rounds() + " rotations, "
                        + members + " participants)");
        return List.of();
    }

    @Transactional
    boolean unpublish(ManagedDay day, Organiser who, NetworkingSession session) {
        store.lock(session.id());
        if (!store.status(session.id()).published()) {
            return false;
        }
        store.unpublish(session.id());
        audit.record(day.id(), who.accountId(), who.displayName(), "networking", "plan.unpublished",
                "Speed dating « " + session.title() + " » : plan dépublié, il peut de nouveau être modifié");
        return true;
    }

    // ---- on the day: arrivals, departures, re-planning ----

    /**
     * Where the live session stands: how many rounds have started (they are never changed again:
     * the one in progress and, during a changeover, the one people are moving to), whether the clock
     * was started at all, and whether it is over.
     */
    record Progress(int startedRounds, boolean started, boolean finished) {
    }

    Progress progress(NetworkingSession session) {
        Optional<LiveState> state = live.state(session.id());
        if (state.isEmpty() || state.get().status() == LiveStatus.NOT_STARTED) {
            return new Progress(0, false, false);
        }
        LiveState s = state.get();
        if (s.status() == LiveStatus.FINISHED) {
            return new Progress(s.roundCount(), true, true);
        }
        return new Progress(s.phase() == LivePhase.CHANGEOVER ? s.round() + 1 : s.round(), true, false);
    }

    Map<Long, RotationData.Presence> presences(NetworkingSession session) {
        return store.presences(session.id());
    }

    /**
     * On the day, with the plan published: the checked-in registrants not in the list yet join as
     * late arrivals, present from the first round not started, to be seated by a re-planning.
     */
    private Imported importLateArrivals(ManagedDay day, Organiser who, NetworkingSession session) {
        PlanStatus status = store.status(session.id());
        Progress progress = progress(session);
        if (progress.startedRounds() >= status.rounds()) {
            return new Imported(0, 0, Outcome.refused(FieldProblem.of("participants", "networking.replan.error.last")));
        }
        List<ConfirmedRegistrants.Registrant> arrivals = registrants.checkedIn(day.id()).stream()
                .filter(r -> !store.hasRegistration(session.id(), r.registrationId())).toList();
        int already = registrants.checkedIn(day.id()).size() - arrivals.size();
        for (ConfirmedRegistrants.Registrant r : arrivals) {
            store.addLateMember(session.id(), r.name(), r.organisation(), progress.startedRounds(), r.registrationId());
        }
        if (!arrivals.isEmpty()) {
            record(day, who, "participants.arrived.late", "Speed dating « " + session.title() + " » : "
                    + arrivals.size() + " arrivée(s) de l'accueil, présente(s) à partir de la rotation "
                    + (progress.startedRounds() + 1) + " ; à placer par une re-planification");
        }
        return new Imported(arrivals.size(), already, new Outcome(List.of(), false));
    }

    /** A late arrival: added to the list of a published plan, present from the first round not started. */
    @Transactional
    Outcome addLate(ManagedDay day, Organiser who, NetworkingSession session, ParticipantForm form) {
        store.lock(session.id());
        PlanStatus status = store.status(session.id());
        if (!status.published()) {
            return addMember(day, who, session, form);
        }
        List<FieldProblem> problems = new ArrayList<>();
        String name = strip(form.nom());
        if (name.isEmpty()) {
            problems.add(FieldProblem.of("nom", "networking.participant.error.name.missing"));
        } else if (name.length() > MAX_NAME) {
            problems.add(FieldProblem.of("nom", "networking.participant.error.name.long", MAX_NAME));
        }
        String organisation = strip(form.organisation());
        if (organisation.length() > MAX_NAME) {
            problems.add(FieldProblem.of("organisation", "networking.participant.error.organisation.long", MAX_NAME));
        }
        if (!problems.isEmpty()) {
            return new Outcome(problems, false);
        }
        Progress progress = progress(session);
        int rounds = status.rounds();
        if (progress.startedRounds() >= rounds) {
            return Outcome.refused(FieldProblem.of("nom", "networking.replan.error.last"));
        }
        Optional<FieldProblem> full = overCapacity(session, progress.startedRounds(), rounds, null, "nom");
        if (full.isPresent()) {
            return Outcome.refused(full.get());
        }
        store.addLateMember(session.id(), name, organisation.isEmpty() ? null : organisation,
                progress.startedRounds());
        record(day, who, "participants.arrived.late", "Speed dating « " + session.title() + " » : arrivée de « "
                + name + " »" + (organisation.isEmpty() ? "" : " (" + organisation + ")") + ", présent(e) à partir de"
                + " la rotation " + (progress.startedRounds() + 1) + " ; à placer par une re-planification");
        return new Outcome(List.of(), false);
    }

    /** A departure: the person misses round {@code form.tour()} (counted from 1) and those after it. */
    @Transactional
    Outcome markLeft(ManagedDay day, Organiser who, NetworkingSession session, DepartureForm form) {
        store.lock(session.id());
        PlanStatus status = store.status(session.id());
        if (!status.published()) {
            return Outcome.refused(FieldProblem.of("participant", "networking.departure.error.not.published"));
        }
        List<FieldProblem> problems = new ArrayList<>();
        Map<Long, Member> byId = new HashMap<>();
        store.members(session.id()).forEach(m -> byId.put(m.id(), m));
        Member member = member(form.participant(), "participant", byId, problems);
        Integer round = number(form.tour(), "tour", "networking.departure.error.round.missing", problems);
        if (round != null && (round < 1 || round > status.rounds())) {
            problems.add(FieldProblem.of("tour", "networking.departure.error.round.range", status.rounds()));
            round = null;
        }
        if (!problems.isEmpty()) {
            return new Outcome(problems, false);
        }
        Progress progress = progress(session);
        if (progress.startedRounds() >= status.rounds()) {
            return Outcome.refused(FieldProblem.of("tour", "networking.replan.error.last"));
        }
        if (round - 1 < progress.startedRounds()) {
            return Outcome.refused(FieldProblem.of("tour", "networking.departure.error.played", round,
                    progress.startedRounds() + 1));
        }
        store.setLeaves(session.id(), member.id(), round - 1);
        record(day, who, "participants.left", "Speed dating « " + session.title() + " » : « " + member.name()
                + " » parti(e), absent(e) à partir de la rotation " + round + " ; à retirer par une re-planification");
        return new Outcome(List.of(), false);
    }

    /** Someone marked absent is there after all: present again from the first round not started. */
    @Transactional
    Outcome markArrived(ManagedDay day, Organiser who, NetworkingSession session, long participantId) {
        store.lock(session.id());
        PlanStatus status = store.status(session.id());
        Member member = store.members(session.id()).stream().filter(m -> m.id() == participantId).findFirst()
                .orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.NOT_FOUND));
        RotationData.Presence presence = store.presences(session.id()).getOrDefault(participantId,
                RotationData.Presence.ALWAYS);
        if (!status.published() || presence.leavesRound() == null) {
            return Outcome.refused(FieldProblem.of("participant", "networking.arrival.error.not.absent"));
        }
        Progress progress = progress(session);
        if (progress.startedRounds() >= status.rounds()) {
            return Outcome.refused(FieldProblem.of("participant", "networking.replan.error.last"));
        }
        Optional<FieldProblem> full = overCapacity(session, progress.startedRounds(), status.rounds(), participantId,
                "participant");
        if (full.isPresent()) {
            return Outcome.refused(full.get());
        }
        store.setLeaves(session.id(), participantId, null);
        record(day, who, "participants.arrived", "Speed dating « " + session.title() + " » : « " + member.name()
                + " » est là, présent(e) à partir de la rotation " + (progress.startedRounds() + 1)
                + " ; à placer par une re-planification");
        return new Outcome(List.of(), false);
    }

    /** The organiser printed that person's card again. */
    @Transactional
    boolean markReprinted(ManagedDay day, Organiser who, NetworkingSession session, long participantId) {
        store.lock(session.id());
        Member member = store.members(session.id()).stream().filter(m -> m.id() == participantId).findFirst()
                .orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.NOT_FOUND));
        if (!store.presences(session.id()).getOrDefault(participantId, RotationData.Presence.ALWAYS).reprint()) {
            return false;
        }
        store.setReprint(session.id(), List.of(participantId), false);
        record(day, who, "participants.reprinted", "Speed dating « " + session.title() + " » : carte de « "
                + member.name() + " » réimprimée");
        return true;
    }

    /**
     * The problem when, from round {@code from} on, the people present (and the one about to be
     * added, {@code back} = null, or back, {@code back} = their id) would not fit at the tables.
     */
    private Optional<FieldProblem> overCapacity(NetworkingSession session, int from, int rounds, Long back,
                                                String field) {
        int seats = store.tables(session.id()).stream().mapToInt(RoomTable::capacity).sum();
        Map<Long, RotationData.Presence> presences = store.presences(session.id());
        List<Member> members = store.members(session.id());
        for (int r = from; r < rounds; r++) {
            int round = r;
            long present = members.stream().filter(m -> (back == null || m.id() != back) && presences.getOrDefault(m.id(),
                    RotationData.Presence.ALWAYS).attends(round)).count() + 1;
            if (present > seats) {
                return Optional.of(FieldProblem.of(field, "networking.replan.error.seats", present, seats, r + 1,
                        present - seats));
            }
        }
        return Optional.empty();
    }

    /**
     * The outcome of a re-plan: problems (nothing changed), or the rounds kept as they were, whether
     * the live session had started, and the people whose route changed.
     */
    record Replanned(List<FieldProblem> problems, int keptRounds, boolean started, List<String> changed) {
    }

    /**
     * Re-plans the rounds not started yet: the planner gets the seats of the started rounds as
     * {@code fixed}, the published seats of the later ones as {@code announced} (kept as far as it
     * can) and each participant's rounds from the arrivals and departures. The later rounds are
     * stored, the people whose route changed are flagged for a new card, the quality is measured
     * again, and the live session gets the new rounds without its clock being touched.
     */
    @Transactional
    Replanned replan(ManagedDay day, Organiser who, NetworkingSession session) {
        store.lock(session.id());
        PlanStatus status = store.status(session.id());
        if (!status.published() || !status.done()) {
            return refusedReplan(FieldProblem.of("replanification", "networking.replan.error.not.published"));
        }
        int rounds = status.rounds();
        Progress progress = progress(session);
        int kept = progress.startedRounds();
        if (progress.finished()) {
            return refusedReplan(FieldProblem.of("replanification", "networking.replan.error.finished"));
        }
        if (kept >= rounds) {
            return refusedReplan(FieldProblem.of("replanification", "networking.replan.error.last"));
        }
        List<RoomTable> tables = store.tables(session.id());
        List<Member> members = store.members(session.id());
        Map<Long, RotationData.Presence> presences = store.presences(session.id());
        List<SeatRow> before = store.seats(session.id());
        Settings settings = store.settings(session);
        int[] capacities = tables.stream().mapToInt(RoomTable::capacity).toArray();
        int seats = java.util.Arrays.stream(capacities).sum();
        List<Participant> participants = new ArrayList<>();
        int[] present = new int[rounds];
        for (Member m : members) {
            java.util.Set<Integer> available = new java.util.TreeSet<>();
            for (int r = 0; r < rounds; r++) {
                int round = r;
                boolean there = r < kept
                        ? before.stream().anyMatch(s -> s.round() == round && s.participantId() == m.id())
                        : presences.getOrDefault(m.id(), RotationData.Presence.ALWAYS).attends(r);
                if (there) {
                    available.add(r);
                    present[r]++;
                }
            }
            participants.add(Participant.of(memberKey(m.id()), m.organisation() == null ? null
                    : m.organisation().strip().toLowerCase(java.util.Locale.ROOT), available));
        }
        for (int r = kept; r < rounds; r++) {
            if (present[r] > seats) {
                return refusedReplan(FieldProblem.of("replanification", "networking.replan.error.seats", present[r], seats, r + 1,
                        present[r] - seats));
            }
            TableSizes sizes = TableSizes.of(present[r], new int[capacities.length], capacities);
            if (sizes != null && sizes.spread() > 1) {
                return refusedReplan(FieldProblem.of("replanification", "networking.replan.error.uneven", present[r], r + 1,
                        sizes.level()));
            }
        }
        List<org.rencontres.planner.rotation.Seating> fixed = new ArrayList<>();
        List<org.rencontres.planner.rotation.Seating> announced = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (RoomTable t : tables) {
                int round = r;
                List<String> at = before.stream().filter(s -> s.round() == round && s.tableId() == t.id())
                        .map(s -> memberKey(s.participantId())).toList();
                if (!at.isEmpty()) {
                    (r < kept ? fixed : announced).add(new org.rencontres.planner.rotation.Seating(r,
                            tableKey(t.id()), at));
                }
            }
        }
        RotationProblem problem;
        org.rencontres.planner.rotation.RotationPlan plan;
        try {
            problem = new RotationProblem(rounds, tables.stream().map(t -> new Table(tableKey(t.id()), t.capacity()))
                    .toList(), participants, new Rules(settings.tableOnce(), settings.separateOrganisations()), fixed,
                    announced, RotationProblem.DEFAULT_SEED + status.generation(), timeLimitMillis, 0);
            plan = org.rencontres.planner.rotation.RotationPlanner.plan(problem);
        } catch (RuntimeException e) {
            return refusedReplan(FieldProblem.of("replanification", "networking.replan.error.invalid", e.getMessage()));
        }
        List<SeatRow> after = new ArrayList<>(before.stream().filter(s -> s.round() < kept).toList());
        for (org.rencontres.planner.rotation.PlannedRound round : plan.rounds()) {
            if (round.round() < kept) {
                continue;
            }
            for (TableGroup group : round.tables()) {
                for (String p : group.participants()) {
                    after.add(new SeatRow(round.round(), Long.parseLong(group.table().substring(1)),
                            Long.parseLong(p.substring(1))));
                }
            }
        }
        store.replaceSeatsFrom(session.id(), kept, after);
        List<Long> changedIds = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (Member m : members) {
            boolean moved = false;
            for (SeatRow s : after) {
                if (s.round() >= kept && s.participantId() == m.id()
                        && !Objects.equals(tableOf(before, s.round(), m.id()), s.tableId())) {
                    moved = true;
                }
            }
            if (moved) {
                changedIds.add(m.id());
                changed.add(m.name());
            }
        }
        store.setReprint(session.id(), changedIds, true);
        RotationMetrics metrics = RotationMetricsCalculator.measure(problem, plannerRounds(rounds, tables, after));
        store.storeMetrics(session.id(), rounds, metrics, null, false);
        PublishedPlan published = this.published.published(session.id()).orElseThrow();
        if (!live.replan(session.id(), livePlan(published, store.publicKeys(session.id())), kept, LiveActor.of(who))) {
            org.springframework.transaction.interceptor.TransactionAspectSupport.currentTransactionStatus()
                    .setRollbackOnly();
            return refusedReplan(FieldProblem.of("replanification", "networking.replan.error.moved"));
        }
        long arrivals = presences.values().stream().filter(p -> p.arrivesRound() != null).count();
        long departures = presences.values().stream().filter(p -> p.leavesRound() != null).count();
        record(day, who, "plan.replanned", "Speed dating « " + session.title() + " » : rotations " + (kept + 1)
                + " à " + rounds + " re-planifiées" + (kept == 0 ? " (aucune rotation commencée)"
                : ", rotations 1 à " + kept + " inchangées") + " ; " + arrivals + " arrivée(s) tardive(s), "
                + departures + " départ(s) ; " + changed.size() + " parcours changé(s)"
                + (changed.isEmpty() ? "" : " : " + String.join(", ", changed)) + " ; "
                + metrics.hardViolations() + " règle(s) non respectée(s)");
        return new Replanned(List.of(), kept, progress.started(), changed);
    }

    private static Replanned refusedReplan(FieldProblem problem) {
        return new Replanned(List.of(problem), 0, false, List.of());
    }

    // ---- helpers ----

    /** The published plan as the conductor screen runs it; each participant known by their public key. */
    static LivePlan livePlan(PublishedPlan plan, java.util.Map<Long, String> keys) {
        List<LiveRound> rounds = plan.rounds().stream().map(round -> new LiveRound(round.number() + 1,
                round.tables().stream().map(t -> new LiveTable(t.table(), t.place(), t.theme(), t.host(),
                        t.seats().stream().map(seat -> new LiveSeat(keys.get(seat.participantId()), seat.name()))
                                .toList())).toList())).toList();
        return new LivePlan(plan.rotationMinutes() * 60, plan.changeoverMinutes() * 60, rounds);
    }

    private Optional<Outcome> frozen(NetworkingSession session, String field) {
        if (store.status(session.id()).published()) {
            return Optional.of(Outcome.refused(FieldProblem.of(field, "networking.setup.error.published")));
        }
        return Optional.empty();
    }

    private void record(ManagedDay day, Organiser who, String action, String details) {
        audit.record(day.id(), who.accountId(), who.displayName(), "networking", action, details);
    }

    private static String discardedNote(boolean discarded) {
        return discarded ? " ; le plan calculé est effacé" : "";
    }

    private static String yesNo(boolean b) {
        return b ? "oui" : "non";
    }

    static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static Integer number(String typed, String field, String missing, List<FieldProblem> problems) {
        String s = strip(typed);
        if (s.isEmpty()) {
            problems.add(FieldProblem.of(field, missing));
            return null;
        }
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            problems.add(FieldProblem.of(field, "networking.error.number", s));
            return null;
        }
    }
}
