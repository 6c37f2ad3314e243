package org.rencontres.networking;

import static org.rencontres.networking.RotationChecks.number;
import static org.rencontres.networking.RotationChecks.tableOf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.rencontres.directory.Directory;
import org.rencontres.directory.Person;
import org.rencontres.networking.RotationData.Member;
import org.rencontres.networking.RotationData.PlanStatus;
import org.rencontres.networking.RotationData.RoomTable;
import org.rencontres.networking.RotationData.SeatRow;
import org.rencontres.networking.RotationData.Settings;
import org.rencontres.planner.InvalidProblemException;
import org.rencontres.planner.rotation.RotationMetrics;
import org.rencontres.planner.rotation.RotationMetricsCalculator;
import org.rencontres.planner.rotation.RotationProblem;
import org.rencontres.planner.rotation.TableSizes;
import org.rencontres.programme.Slot;
import org.rencontres.event.ManagedDay;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FieldProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A rotation's plan: what stands in the way, its generation (in the background by the planner),
 * hand swaps, publication (which freezes the set-up and prepares the live session) and its
 * withdrawal. Every change is audited in its transaction and serialised per rotation.
 */
@Service
class RotationPlanning {

    private final RotationStore store;
    private final Directory directory;
    private final RotationAudit audit;
    private final PlanGenerator generator;
    private final LiveSessions live;
    private final PublishedPlans published;
    private final long timeLimitMillis;

    RotationPlanning(RotationStore store, Directory directory, RotationAudit audit, PlanGenerator generator,
                     @Value("${rencontres.networking.plan-time-limit-ms:3000}") long timeLimitMillis,
                     LiveSessions live, PublishedPlans published) {
        this.store = store;
        this.directory = directory;
        this.audit = audit;
        this.generator = generator;
        this.timeLimitMillis = timeLimitMillis;
        this.live = live;
        this.published = published;
    }

    PlanStatus status(NetworkingSession session) {
        return store.status(session.id());
    }

    List<SeatRow> seats(NetworkingSession session) {
        return store.seats(session.id());
    }

    /**
     * What prevents generating (or publishing) the plan, each with a suggestion: no tables, a table
     * without host, a host no longer in the directory, too few or too many participants, a slot too
     * short, more rounds than tables under the table rule, tables too small for even groups.
     */
    List<FieldProblem> blockers(Slot slot, NetworkingSession session) {
        Settings settings = store.settings(session);
        List<RoomTable> tables = store.tables(session.id());
        List<Member> members = store.members(session.id());
        Rounds rounds = Rounds.of(slot, settings);
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

    /**
     * Starts generating the plan in the background, after this transaction commits; the problems
     * when it cannot start (nothing changes then).
     */
    @Transactional
    List<FieldProblem> generate(ManagedDay day, Organiser who, Slot slot, NetworkingSession session) {
        return changing(session, null, status -> startGeneration(day, who, slot, session, status));
    }

    private List<FieldProblem> startGeneration(ManagedDay day, Organiser who, Slot slot, NetworkingSession session,
                                               PlanStatus status) {
        List<FieldProblem> problems = blockers(slot, session);
        if (!problems.isEmpty()) {
            return problems;
        }
        Settings settings = store.settings(session);
        int rounds = Rounds.of(slot, settings).effective();
        RotationProblem problem;
        try {
            problem = RotationProblems.problem(store.tables(session.id()), store.members(session.id()), settings,
                    rounds, RotationProblem.DEFAULT_SEED + status.generation(), timeLimitMillis);
        } catch (InvalidProblemException e) {
            return List.of(FieldProblem.of("plan", "networking.plan.error.invalid", e.getMessage()));
        }
        Optional<Integer> generation = store.claimGeneration(session.id(), who.accountId(), who.displayName());
        if (generation.isEmpty()) {
            return List.of(FieldProblem.of("plan", "networking.plan.error.running"));
        }
        store.discardSeatsOnly(session.id());
        audit.record(day, who, "plan.requested", "Speed dating « " + session.title()
                + " » : génération du plan demandée (" + problem.participants().size() + " participants, "
                + problem.tables().size() + " tables, " + rounds + " rotations)");
        PlanGenerator.Job job = new PlanGenerator.Job(day.id(), session.id(), session.title(), generation.get(), problem);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                generator.submit(job);
            }
        });
        return List.of();
    }

    /**
     * Swaps two participants' tables in one round, unless it breaks a rule (the problem names it);
     * the metrics are measured again.
     */
    @Transactional
    List<FieldProblem> swap(ManagedDay day, Organiser who, NetworkingSession session, SwapForm form) {
        return changing(session, "networking.swap.error.no.plan", status -> swapSeats(day, who, session, form, status));
    }

    private List<FieldProblem> swapSeats(ManagedDay day, Organiser who, NetworkingSession session, SwapForm form,
                                         PlanStatus status) {
        List<FieldProblem> problems = new ArrayList<>();
        Integer round = number(form.tour(), "tour", "networking.swap.error.round.missing", problems);
        if (round != null && (round < 1 || round > status.rounds())) {
            problems.add(FieldProblem.of("tour", "networking.swap.error.round.range", status.rounds()));
            round = null;
        }
        List<Member> members = store.members(session.id());
        Map<Long, Member> byId = new HashMap<>();
        members.forEach(m -> byId.put(m.id(), m));
        Member first = RotationChecks.member(form.premier(), "premier", byId, problems);
        Member second = RotationChecks.member(form.second(), "second", byId, problems);
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
        RotationProblem problem = RotationProblems.problem(tables, members, settings, status.rounds(),
                RotationProblem.DEFAULT_SEED, timeLimitMillis);
        RotationMetrics metrics = RotationMetricsCalculator.measure(problem,
                RotationProblems.plannerRounds(status.rounds(), tables, store.seats(session.id())));
        store.storeMetrics(session.id(), status.rounds(), metrics, null, false);
        audit.record(day, who, "plan.swapped", "Speed dating « " + session.title() + " », rotation " + round
                + " : « " + first.name() + " » passe à la table " + tableById.get(secondTable).label()
                + " et « " + second.name() + " » à la table " + tableById.get(firstTable).label());
        return List.of();
    }

    /**
     * Locks the rotation's plan and makes that change to it, given its status; the refusal instead (nothing
     * changes) when the plan is published, or when there is none yet ({@code noPlan}; null: no matter).
     */
    private List<FieldProblem> changing(NetworkingSession session, String noPlan,
                                        Function<PlanStatus, List<FieldProblem>> change) {
        store.lock(session.id());
        PlanStatus status = store.status(session.id());
        if (status.published()) {
            return List.of(FieldProblem.of("plan", "networking.plan.error.published"));
        }
        if (noPlan != null && !status.done()) {
            return List.of(FieldProblem.of("plan", noPlan));
        }
        return change.apply(status);
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

    /** Publishes the plan, which freezes it; the problems when it is not ready (nothing published). */
    @Transactional
    List<FieldProblem> publish(ManagedDay day, Organiser who, Slot slot, NetworkingSession session) {
        return changing(session, "networking.publish.error.no.plan",
                status -> publishPlan(day, who, slot, session, status));
    }

    private List<FieldProblem> publishPlan(ManagedDay day, Organiser who, Slot slot, NetworkingSession session,
                                           PlanStatus status) {
        List<FieldProblem> problems = new ArrayList<>(blockers(slot, session));
        int members = store.members(session.id()).size();
        if (store.seats(session.id()).size() != members * status.rounds()) {
            problems.add(FieldProblem.of("plan", "networking.publish.error.incomplete"));
        }
        int effective = Rounds.of(slot, store.settings(session)).effective();
        if (status.rounds() != effective) {
            problems.add(FieldProblem.of("plan", "networking.publish.error.rounds", status.rounds(), effective));
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
        live.prepare(session.id(), day.id(), LivePlan.of(plan, store.publicKeys(session.id())));
        audit.record(day, who, "plan.published", "Speed dating « " + session.title() + " » : plan publié ("
                + status.rounds() + " rotations, " + members + " participants)");
        return List.of();
    }

    @Transactional
    boolean unpublish(ManagedDay day, Organiser who, NetworkingSession session) {
        store.lock(session.id());
        if (!store.status(session.id()).published()) {
            return false;
        }
        store.unpublish(session.id());
        audit.record(day, who, "plan.unpublished", "Speed dating « " + session.title()
                + " » : plan dépublié, il peut de nouveau être modifié");
        return true;
    }
}
