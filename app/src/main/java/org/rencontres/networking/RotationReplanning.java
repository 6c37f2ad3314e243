package org.rencontres.networking;

import static org.rencontres.networking.RotationChecks.tableOf;
import static org.rencontres.networking.RotationProblems.memberKey;
import static org.rencontres.networking.RotationProblems.tableKey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.rencontres.networking.RotationData.Member;
import org.rencontres.networking.RotationData.PlanStatus;
import org.rencontres.networking.RotationData.Presence;
import org.rencontres.networking.RotationData.RoomTable;
import org.rencontres.networking.RotationData.SeatRow;
import org.rencontres.networking.RotationData.Settings;
import org.rencontres.networking.RotationOnTheDay.Progress;
import org.rencontres.planner.rotation.Participant;
import org.rencontres.planner.rotation.RotationMetrics;
import org.rencontres.planner.rotation.RotationMetricsCalculator;
import org.rencontres.planner.rotation.RotationPlan;
import org.rencontres.planner.rotation.RotationPlanner;
import org.rencontres.planner.rotation.RotationProblem;
import org.rencontres.planner.rotation.Seating;
import org.rencontres.planner.rotation.TableSizes;
import org.rencontres.event.ManagedDay;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FieldProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Re-plans the rounds of a published rotation that have not started yet, from the arrivals and
 * departures recorded on the day, keeping the started rounds and, as far as the planner can, the
 * announced seats; the live session gets the new rounds without its clock being touched.
 */
@Service
class RotationReplanning {

    private final RotationStore store;
    private final RotationOnTheDay onTheDay;
    private final LiveSessions live;
    private final PublishedPlans published;
    private final RotationAudit audit;
    private final long timeLimitMillis;

    RotationReplanning(RotationStore store, RotationOnTheDay onTheDay, LiveSessions live, PublishedPlans published,
                       RotationAudit audit,
                       @Value("${rencontres.networking.plan-time-limit-ms:3000}") long timeLimitMillis) {
        this.store = store;
        this.onTheDay = onTheDay;
        this.live = live;
        this.published = published;
        this.audit = audit;
        this.timeLimitMillis = timeLimitMillis;
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
            return refused(FieldProblem.of("replanification", "networking.replan.error.not.published"));
        }
        int rounds = status.rounds();
        Progress progress = onTheDay.progress(session);
        int kept = progress.startedRounds();
        if (progress.finished()) {
            return refused(FieldProblem.of("replanification", "networking.replan.error.finished"));
        }
        if (kept >= rounds) {
            return refused(FieldProblem.of("replanification", "networking.replan.error.last"));
        }
        List<RoomTable> tables = store.tables(session.id());
        List<Member> members = store.members(session.id());
        Map<Long, Presence> presences = store.presences(session.id());
        List<SeatRow> before = store.seats(session.id());
        Settings settings = store.settings(session);
        int[] capacities = tables.stream().mapToInt(RoomTable::capacity).toArray();
        int seats = Arrays.stream(capacities).sum();
        List<Participant> participants = new ArrayList<>();
        int[] present = new int[rounds];
        for (Member m : members) {
            Set<Integer> available = new TreeSet<>();
            for (int r = 0; r < rounds; r++) {
                int round = r;
                boolean there = r < kept
                        ? before.stream().anyMatch(s -> s.round() == round && s.participantId() == m.id())
                        : presences.getOrDefault(m.id(), Presence.ALWAYS).attends(r);
                if (there) {
                    available.add(r);
                    present[r]++;
                }
            }
            participants.add(Participant.of(memberKey(m.id()), RotationProblems.organisationKey(m), available));
        }
        for (int r = kept; r < rounds; r++) {
            if (present[r] > seats) {
                return refused(FieldProblem.of("replanification", "networking.replan.error.seats", present[r], seats,
                        r + 1, present[r] - seats));
            }
            TableSizes sizes = TableSizes.of(present[r], new int[capacities.length], capacities);
            if (sizes != null && sizes.spread() > 1) {
                return refused(FieldProblem.of("replanification", "networking.replan.error.uneven", present[r], r + 1,
                        sizes.level()));
            }
        }
        List<Seating> fixed = new ArrayList<>();
        List<Seating> announced = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (RoomTable t : tables) {
                int round = r;
                List<String> at = before.stream().filter(s -> s.round() == round && s.tableId() == t.id())
                        .map(s -> memberKey(s.participantId())).toList();
                if (!at.isEmpty()) {
                    (r < kept ? fixed : announced).add(new Seating(r, tableKey(t.id()), at));
                }
            }
        }
        RotationProblem problem;
        RotationPlan plan;
        try {
            problem = new RotationProblem(rounds, RotationProblems.tables(tables), participants,
                    RotationProblems.rules(settings), fixed, announced,
                    RotationProblem.DEFAULT_SEED + status.generation(), timeLimitMillis, 0);
            plan = RotationPlanner.plan(problem);
        } catch (RuntimeException e) {
            return refused(FieldProblem.of("replanification", "networking.replan.error.invalid", e.getMessage()));
        }
        List<SeatRow> after = new ArrayList<>(before.stream().filter(s -> s.round() < kept).toList());
        after.addAll(RotationProblems.seatRows(plan.rounds(), kept));
        store.replaceSeatsFrom(session.id(), kept, after);
        List<Long> changedIds = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (Member m : members) {
            boolean moved = after.stream().anyMatch(s -> s.round() >= kept && s.participantId() == m.id()
                    && !Objects.equals(tableOf(before, s.round(), m.id()), s.tableId()));
            if (moved) {
                changedIds.add(m.id());
                changed.add(m.name());
            }
        }
        store.setReprint(session.id(), changedIds, true);
        RotationMetrics metrics = RotationMetricsCalculator.measure(problem,
                RotationProblems.plannerRounds(rounds, tables, after));
        store.storeMetrics(session.id(), rounds, metrics, null, false);
        PublishedPlan publishedPlan = published.published(session.id()).orElseThrow();
        if (!live.replan(session.id(), LivePlan.of(publishedPlan, store.publicKeys(session.id())), kept,
                LiveActor.of(who))) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return refused(FieldProblem.of("replanification", "networking.replan.error.moved"));
        }
        long arrivals = presences.values().stream().filter(p -> p.arrivesRound() != null).count();
        long departures = presences.values().stream().filter(p -> p.leavesRound() != null).count();
        audit.record(day, who, "plan.replanned", "Speed dating « " + session.title() + " » : rotations " + (kept + 1)
                + " à " + rounds + " re-planifiées" + (kept == 0 ? " (aucune rotation commencée)"
                : ", rotations 1 à " + kept + " inchangées") + " ; " + arrivals + " arrivée(s) tardive(s), "
                + departures + " départ(s) ; " + changed.size() + " parcours changé(s)"
                + (changed.isEmpty() ? "" : " : " + String.join(", ", changed)) + " ; "
                + metrics.hardViolations() + " règle(s) non respectée(s)");
        return new Replanned(List.of(), kept, progress.started(), changed);
    }

    private static Replanned refused(FieldProblem problem) {
        return new Replanned(List.of(problem), 0, false, List.of());
    }
}
