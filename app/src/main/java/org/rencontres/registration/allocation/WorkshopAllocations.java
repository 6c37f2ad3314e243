package org.rencontres.registration.allocation;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.rencontres.audit.AuditTrail;
import org.rencontres.planner.allocation.AllocationPlan;
import org.rencontres.planner.allocation.AllocationPlanner;
import org.rencontres.planner.allocation.AllocationProblem;
import org.rencontres.planner.allocation.Chooser;
import org.rencontres.registration.Registration;
import org.rencontres.registration.RegistrationState;
import org.rencontres.registration.Registrations;
import org.rencontres.registration.allocation.AllocationViews.Allocation;
import org.rencontres.registration.allocation.AllocationViews.Line;
import org.rencontres.registration.allocation.AllocationViews.Load;
import org.rencontres.registration.allocation.AllocationViews.SlotDraft;
import org.rencontres.registration.allocation.AllocationViews.View;
import org.rencontres.event.ManagedDay;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FrenchTime;
import org.rencontres.workshops.Workshop;
import org.rencontres.workshops.WorkshopSlot;
import org.rencontres.workshops.Workshops;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The allocation of a day's CONFIRMED participants to its workshops, from their ranked choices.
 *
 * <p>Each workshop slot of the day (a morning and an afternoon workshop, say) is allocated on its
 * own: a participant gets one workshop per slot, from their choices in that slot. {@link #run}
 * computes an optimal draft per slot with the planner library (min-cost flow; convex rank cost, so
 * two second choices beat a first and a third; a participant may be placed in a workshop they did
 * not rank rather than left out; a workshop without capacity takes everyone). The organiser moves
 * people by hand (over capacity is allowed, and said), then publishes: every participant of the
 * draft still CONFIRMED gets the draft's workshops (table {@code registration_workshop}). Until then
 * the agents' spaces and convocations say that the allocation is pending ({@link AllocationViews#workshopVisible}).
 * Each step is written to the audit trail (subject {@code ateliers}). Steps of one day are
 * serialised by locking the day's {@code registration_capacity} row (as confirmations do), and an
 * advisory lock.
 */
@Service
public class WorkshopAllocations {

    /** Why the allocation could not be done: a message key and its arguments. */
    static final class Refusal extends RuntimeException {
        final String key;
        final Object[] args;

        Refusal(String key, Object... args) {
            super(key);
            this.key = key;
            this.args = args;
        }
    }

    private static final int ALLOCATION_LOCK = 4_0602;
    private static final String SUBJECT = "ateliers";

    private final JdbcClient jdbc;
    private final Registrations registrations;
    private final AllocationViews views;
    private final Workshops workshops;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    WorkshopAllocations(JdbcClient jdbc, Registrations registrations, AllocationViews views, Workshops workshops,
                        AuditTrail audit, Optional<Clock> clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.registrations = registrations;
        this.views = views;
        this.workshops = workshops;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemUTC());
        this.events = events;
    }

    /**
     * The agent ranks the day's workshops again (up to three per workshop slot, as on the request
     * form): the choices replace the earlier ones. Refused (an error under the first field) once the
     * allocation is published or the registration is over.
     *
     * @param typed the choices as typed, rank 1 first
     * @return the problems of the fields, empty when saved
     */
    @Transactional
    public List<FieldProblem> rank(long registrationId, Function<String, String> typed) {
        Registration r = registrations.find(registrationId).orElseThrow();
        lock(r.dayId());
        List<WorkshopRanking.Group> groups = views.groups(r.dayId());
        if (!views.mayRank(registrations.find(registrationId).orElseThrow())) {
            return List.of(FieldProblem.of(groups.isEmpty() ? WorkshopRanking.field(1, 1) : groups.get(0).field(1),
                    "registration.ranking.error.closed"));
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<Long> chosen = WorkshopRanking.read(groups, typed, problems);
        if (problems.isEmpty()) {
            registrations.rankWorkshops(registrationId, chosen);
        }
        return problems;
    }
    /** Computes an optimal draft for the day's CONFIRMED registrations, replacing any draft; refused once published. */
    @Transactional
    int run(ManagedDay day, Organiser who) {
        lock(day.id());
        if (views.allocation(day.id()).map(Allocation::published).orElse(false)) {
            throw new Refusal("registration.allocation.error.published");
        }
        List<Workshop> ofDay = workshops.ofDay(day.id());
        if (ofDay.isEmpty()) {
            throw new Refusal("registration.allocation.error.no.workshop");
        }
        List<Registration> confirmed = registrations.ofDay(day.id()).stream()
                .filter(r -> r.state() == RegistrationState.CONFIRMED).toList();
        if (confirmed.isEmpty()) {
            throw new Refusal("registration.allocation.error.no.participant");
        }
        int everyone = confirmed.size();
        jdbc.sql("DELETE FROM registration_allocation_assignment WHERE event_day_id = ?").param(day.id()).update();
        jdbc.sql("""
                INSERT INTO registration_allocation (event_day_id, state, computed_at, published_at)
                VALUES (?, 'DRAFT', ?, NULL)
                ON CONFLICT (event_day_id) DO UPDATE SET state = 'DRAFT', computed_at = excluded.computed_at,
                    published_at = NULL""")
                .params(day.id(), clock.instant().atOffset(ZoneOffset.UTC)).update();
        Map<Long, List<Long>> choicesOf = registrations.workshopChoicesOfDay(day.id());
        for (WorkshopSlot slot : workshops.slotsOfDay(day.id())) {
            // Each slot on its own: its workshops, and each participant's choices among them.
            List<org.rencontres.planner.allocation.Workshop> planned = slot.workshops().stream()
                    .map(w -> new org.rencontres.planner.allocation.Workshop(String.valueOf(w.id()),
                            w.capacity() == null ? everyone : w.capacity()))
                    .toList();
            List<Chooser> choosers = confirmed.stream().map(r -> new Chooser(String.valueOf(r.id()),
                    AllocationViews.ranked(slot, choicesOf.getOrDefault(r.id(), List.of())).stream().map(String::valueOf).toList())).toList();
            AllocationPlan plan = AllocationPlanner.plan(new AllocationProblem(1, planned, choosers, true, true));
            Map<String, String> given = new HashMap<>();
            for (AllocationPlan.Assignment a : plan.assignments()) {
                given.put(a.participant(), a.workshops().isEmpty() ? null : a.workshops().get(0));
            }
            for (Registration r : confirmed) {
                String w = given.get(String.valueOf(r.id()));
                jdbc.sql("""
                        INSERT INTO registration_allocation_assignment (registration_id, event_day_id, slot_id, workshop_id)
                        VALUES (?, ?, ?, ?)""").params(r.id(), day.id(), slot.slotId(), w == null ? null : Long.valueOf(w))
                        .update();
            }
        }
        audit.record(day.id(), who.accountId(), who.displayName(), SUBJECT, "allocation.computed",
                "Répartition dans les ateliers calculée pour " + everyone + " participant(s) : "
                        + profileText(views.view(day.id())));
        return everyone;
    }

    /**
     * Moves a participant of the draft to a workshop of the day (in that workshop's slot).
     *
     * @return the workshop when it is now over capacity, else empty
     */
    @Transactional
    Optional<Load> move(ManagedDay day, Organiser who, long registrationId, long workshopId) {
        lock(day.id());
        Allocation allocation = views.allocation(day.id()).orElseThrow(() -> new Refusal("registration.allocation.error.none"));
        if (allocation.published()) {
            throw new Refusal("registration.allocation.error.published.move");
        }
        Workshop target = workshops.ofDay(day.id()).stream().filter(w -> w.id() == workshopId).findFirst()
                .orElseThrow(() -> new Refusal("registration.allocation.error.workshop.unknown"));
        View current = views.view(day.id());
        if (current.stale()) {
            throw new Refusal("registration.allocation.error.stale");
        }
        Line line = current.slots().stream().filter(d -> d.slot().holds(workshopId))
                .flatMap(d -> d.lines().stream()).filter(l -> l.registration().id() == registrationId).findFirst()
                .orElseThrow(() -> new Refusal("registration.allocation.error.participant.unknown"));
        jdbc.sql("""
                UPDATE registration_allocation_assignment SET workshop_id = ?, moved_by_hand = true
                WHERE registration_id = ? AND slot_id = ?""")
                .params(workshopId, registrationId, line.slotId()).update();
        Registration r = line.registration();
        audit.record(day.id(), who.accountId(), who.displayName(), SUBJECT, "allocation.moved",
                r.givenName() + " " + r.surname() + " déplacé(e) dans l'atelier n°" + target.number() + " « "
                        + target.title() + " »");
        return views.view(day.id()).loads().stream().filter(l -> l.workshop().id() == workshopId && l.over()).findFirst();
    }

    /** Publishes the draft: each participant still CONFIRMED gets the draft's workshop, and an e-mail saying so. */
    @Transactional
    int publish(ManagedDay day, Organiser who) {
        lock(day.id());
        Allocation allocation = views.allocation(day.id()).orElseThrow(() -> new Refusal("registration.allocation.error.none"));
        if (allocation.published()) {
            throw new Refusal("registration.allocation.error.published");
        }
        View view = views.view(day.id());
        if (view.stale()) {
            throw new Refusal("registration.allocation.error.stale");
        }
        Map<Long, List<Line>> byPerson = new LinkedHashMap<>();
        view.lines().forEach(l -> byPerson.computeIfAbsent(l.registration().id(), k -> new ArrayList<>()).add(l));
        int written = 0;
        for (Map.Entry<Long, List<Line>> person : byPerson.entrySet()) {
            long id = person.getKey();
            int changed = jdbc.sql("UPDATE registration SET version = version + 1 WHERE id = ? AND state = 'CONFIRMED'")
                    .param(id).update();
            if (changed == 0) {
                continue;
            }
            // Each period of the draft is given anew (one line per period: the view is not stale).
            for (SlotDraft d : view.slots()) {
                Long[] inPeriod = d.slot().workshops().stream().map(Workshop::id).toArray(Long[]::new);
                jdbc.sql("DELETE FROM registration_workshop WHERE registration_id = ? AND workshop_id = ANY(?)")
                        .params(id, inPeriod).update();
            }
            for (Line l : person.getValue()) {
                if (l.workshopId() != null) {
                    jdbc.sql("INSERT INTO registration_workshop (registration_id, workshop_id) VALUES (?, ?)")
                            .params(id, l.workshopId()).update();
                }
            }
            // Each agent is told, in the same transaction (outbox), to look at their space.
            events.publishEvent(new WorkshopGiven(registrations.find(id).orElseThrow()));
            written++;
        }
        jdbc.sql("UPDATE registration_allocation SET state = 'PUBLISHED', published_at = ? WHERE event_day_id = ?")
                .params(clock.instant().atOffset(ZoneOffset.UTC), day.id()).update();
        String over = view.loads().stream().filter(Load::over)
                .map(l -> "atelier n°" + l.workshop().number() + " : " + l.count() + " pour " + l.workshop().capacity()
                        + " places").collect(Collectors.joining(", "));
        audit.record(day.id(), who.accountId(), who.displayName(), SUBJECT, "allocation.published",
                "Répartition dans les ateliers publiée : " + written + " participant(s), "
                        + profileText(view) + (over.isEmpty() ? "" : " ; au-delà de la capacité : " + over));
        return written;
    }

    /** Back to a draft: the agents' spaces say again that the allocation is pending. */
    @Transactional
    void unpublish(ManagedDay day, Organiser who) {
        lock(day.id());
        Allocation allocation = views.allocation(day.id()).orElseThrow(() -> new Refusal("registration.allocation.error.none"));
        if (!allocation.published()) {
            throw new Refusal("registration.allocation.error.not.published");
        }
        jdbc.sql("UPDATE registration_allocation SET state = 'DRAFT', published_at = NULL WHERE event_day_id = ?")
                .param(day.id()).update();
        audit.record(day.id(), who.accountId(), who.displayName(), SUBJECT, "allocation.unpublished",
                "Répartition dans les ateliers dépubliée (de nouveau en projet)");
    }

    /** The draft's rank profiles in French, for the audit trail, slot by slot when the day has several. */
    static String profileText(View view) {
        if (view.slots().size() == 1) {
            return profileText(view.slots().get(0).profile());
        }
        return view.slots().stream().map(d -> (d.slot().startsAt() == null ? ""
                : (d.slot().day() == null ? "" : d.slot().day() + " ") + FrenchTime.clock(d.slot().startsAt()) + " : ")
                + profileText(d.profile())).collect(Collectors.joining(" ; "));
    }

    /** The rank profile in French, for the audit trail ("3 premier choix, 1 deuxième choix, …"). */
    static String profileText(Map<Integer, Integer> profile) {
        List<String> parts = new ArrayList<>();
        profile.entrySet().stream().sorted(Comparator.comparing(e -> e.getKey() <= 0 ? 100 - e.getKey() : e.getKey()))
                .forEach(e -> parts.add(e.getValue() + " " + switch (e.getKey()) {
                    case 1 -> "premier choix";
                    case 2 -> "deuxième choix";
                    case 3 -> "troisième choix";
                    case 0 -> "hors choix";
                    case -1 -> "sans atelier";
                    default -> e.getKey() + "e choix";
                }));
        return parts.isEmpty() ? "personne" : String.join(", ", parts);
    }

    private void lock(long dayId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)").params(ALLOCATION_LOCK, (int) dayId).query((rs, n) -> 1).list();
        jdbc.sql("SELECT event_day_id FROM registration_capacity WHERE event_day_id = ? FOR UPDATE")
                .param(dayId).query((rs, n) -> 1).list();
    }
}
