package org.rencontres.registration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Collator;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.rencontres.audit.AuditTrail;
import org.rencontres.planner.allocation.AllocationPlan;
import org.rencontres.planner.allocation.AllocationPlanner;
import org.rencontres.planner.allocation.AllocationProblem;
import org.rencontres.planner.allocation.Chooser;
import org.rencontres.security.ManagedDay;
import org.rencontres.security.Organiser;
import org.rencontres.workshops.Workshop;
import org.rencontres.workshops.Workshops;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The allocation of a day's CONFIRMED participants to its workshops, from their ranked choices.
 *
 * <p>The day's workshops are one pool: each participant gets one workshop of the day (the data
 * model keeps one {@code registration.workshop_id}; a day with several workshop slots is allocated
 * as if they were one). {@link #run} computes an optimal draft with the planner library
 * (min-cost flow; convex rank cost, so two second choices beat a first and a third; a participant
 * may be placed in a workshop they did not rank rather than left out; a workshop without capacity
 * takes everyone). The organiser moves people by hand (over capacity is allowed, and said), then
 * publishes: every participant of the draft still CONFIRMED gets the draft's workshop as
 * {@code registration.workshop_id}. Until then the agents' spaces and convocations say that the
 * allocation is pending ({@link #workshopVisible}). Each step is written to the audit trail
 * (subject {@code ateliers}). Steps of one day are serialised by locking the day's
 * {@code registration_capacity} row (as confirmations do), or an advisory lock when it has none.
 */
@Service
class WorkshopAllocations {

    enum State { DRAFT, PUBLISHED }

    record Allocation(long dayId, State state, Instant computedAt, Instant publishedAt) {
        public boolean published() {
            return state == State.PUBLISHED;
        }
    }

    /** A participant of the draft: rank 1..3 of the workshop given in their choices, 0 not ranked, -1 no workshop. */
    record Line(Registration registration, Long workshopId, int rank, boolean movedByHand, List<Long> choices) {
    }

    /** A workshop with the participants the draft gives it. */
    record Load(Workshop workshop, int count) {
        public boolean over() {
            return workshop.capacity() != null && count > workshop.capacity();
        }
    }

    /** The draft as the page shows it. */
    record View(Optional<Allocation> allocation, List<Line> lines, List<Load> loads, Map<Integer, Integer> profile) {
        public boolean overCapacity() {
            return loads.stream().anyMatch(Load::over);
        }
    }

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
    private final Workshops workshops;
    private final AuditTrail audit;
    private final Clock clock;
    private final RegistrationMails mails;

    WorkshopAllocations(JdbcClient jdbc, Registrations registrations, Workshops workshops, AuditTrail audit,
                        Optional<Clock> clock, RegistrationMails mails) {
        this.mails = mails;
        this.jdbc = jdbc;
        this.registrations = registrations;
        this.workshops = workshops;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    Optional<Allocation> allocation(long dayId) {
        return jdbc.sql("SELECT event_day_id, state, computed_at, published_at FROM registration_allocation WHERE event_day_id = ?")
                .param(dayId).query(WorkshopAllocations::allocationOf).optional();
    }

    /**
     * Whether the agents see the workshop of their registration: when the organiser has not started
     * an allocation (the workshop given on confirmation, first come first served) or has published it.
     */
    boolean workshopVisible(long dayId) {
        return allocation(dayId).map(Allocation::published).orElse(true);
    }

    /** Whether the organiser's allocation is under way and not published: the agents' spaces say it is pending. */
    boolean pending(long dayId) {
        return allocation(dayId).map(a -> !a.published()).orElse(false);
    }

    /** Whether an agent may still rank the workshops: a live registration, and the allocation not published. */
    boolean mayRank(Registration r) {
        return r.state().isLive() && !allocation(r.dayId()).map(Allocation::published).orElse(false)
                && !workshops.ofDay(r.dayId()).isEmpty();
    }

    /**
     * The agent ranks the day's workshops again (up to three, as on the request form): the
     * choices replace the earlier ones. Refused (an error under "atelier1") once the allocation is
     * published or the registration is over.
     *
     * @param typed the choices as typed, rank 1 first
     * @return the problems per field, empty when saved
     */
    @Transactional
    Map<String, String> rank(long registrationId, java.util.function.IntFunction<String> typed) {
        Registration r = registrations.find(registrationId).orElseThrow();
        lock(r.dayId());
        Map<String, String> errors = new LinkedHashMap<>();
        if (!mayRank(registrations.find(registrationId).orElseThrow())) {
            errors.put("atelier1", "registration.ranking.error.closed");
            return errors;
        }
        List<Long> ofDay = workshops.ofDay(r.dayId()).stream().map(Workshop::id).toList();
        List<Long> chosen = PublicRequests.choices(ofDay, choiceCount(r.dayId()), typed, errors);
        if (errors.isEmpty()) {
            registrations.rankWorkshops(registrationId, chosen);
        }
        return errors;
    }

    /** How many workshops an agent ranks: up to three, never more than the day has. */
    int choiceCount(long dayId) {
        return Math.min(3, workshops.ofDay(dayId).size());
    }

    View view(long dayId) {
        Optional<Allocation> allocation = allocation(dayId);
        List<Workshop> ofDay = workshops.ofDay(dayId);
        Map<Long, Registration> byId = registrations.ofDay(dayId).stream()
                .collect(Collectors.toMap(Registration::id, r -> r));
        List<Line> lines = new ArrayList<>();
        jdbc.sql("SELECT registration_id, workshop_id, moved_by_hand FROM registration_allocation_assignment WHERE event_day_id = ?")
                .param(dayId).query((rs, n) -> {
                    Registration r = byId.get(rs.getLong("registration_id"));
                    if (r != null) {
                        Long workshop = (Long) rs.getObject("workshop_id");
                        List<Long> choices = registrations.workshopChoices(r.id());
                        lines.add(new Line(r, workshop, rank(choices, workshop), rs.getBoolean("moved_by_hand"), choices));
                    }
                    return 1;
                }).list();
        Collator collator = Collator.getInstance(Locale.FRENCH);
        collator.setStrength(Collator.PRIMARY);
        lines.sort(Comparator.comparing((Line l) -> l.registration().surname(), collator)
                .thenComparing(l -> l.registration().givenName(), collator));
        List<Load> loads = ofDay.stream().map(w -> new Load(w,
                (int) lines.stream().filter(l -> Long.valueOf(w.id()).equals(l.workshopId())).count())).toList();
        Map<Integer, Integer> profile = new LinkedHashMap<>();
        for (Line l : lines) {
            profile.merge(l.rank(), 1, Integer::sum);
        }
        return new View(allocation, lines, loads, profile);
    }

    /** Computes an optimal draft for the day's CONFIRMED registrations, replacing any draft; refused once published. */
    @Transactional
    int run(ManagedDay day, Organiser who) {
        lock(day.id());
        if (allocation(day.id()).map(Allocation::published).orElse(false)) {
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
        List<org.rencontres.planner.allocation.Workshop> planned = ofDay.stream()
                .map(w -> new org.rencontres.planner.allocation.Workshop(String.valueOf(w.id()),
                        w.capacity() == null ? everyone : w.capacity()))
                .toList();
        List<String> known = planned.stream().map(org.rencontres.planner.allocation.Workshop::id).toList();
        List<Chooser> choosers = confirmed.stream().map(r -> new Chooser(String.valueOf(r.id()),
                registrations.workshopChoices(r.id()).stream().map(String::valueOf).filter(known::contains).toList()))
                .toList();
        AllocationPlan plan = AllocationPlanner.plan(new AllocationProblem(1, planned, choosers, true, true));
        jdbc.sql("DELETE FROM registration_allocation_assignment WHERE event_day_id = ?").param(day.id()).update();
        jdbc.sql("""
                INSERT INTO registration_allocation (event_day_id, state, computed_at, published_at)
                VALUES (?, 'DRAFT', ?, NULL)
                ON CONFLICT (event_day_id) DO UPDATE SET state = 'DRAFT', computed_at = excluded.computed_at,
                    published_at = NULL""")
                .params(day.id(), clock.instant().atOffset(ZoneOffset.UTC)).update();
        Map<String, String> given = new HashMap<>();
        for (AllocationPlan.Assignment a : plan.assignments()) {
            given.put(a.participant(), a.workshops().isEmpty() ? null : a.workshops().get(0));
        }
        for (Registration r : confirmed) {
            String w = given.get(String.valueOf(r.id()));
            jdbc.sql("""
                    INSERT INTO registration_allocation_assignment (registration_id, event_day_id, workshop_id)
                    VALUES (?, ?, ?)""").params(r.id(), day.id(), w == null ? null : Long.valueOf(w)).update();
        }
        audit.record(day.id(), who.accountId(), who.displayName(), SUBJECT, "allocation.computed",
                "Répartition dans les ateliers calculée pour " + everyone + " participant(s) : "
                        + profileText(view(day.id()).profile()));
        return everyone;
    }

    /**
     * Moves a participant of the draft to a workshop of the day.
     *
     * @return the workshop when it is now over capacity, else empty
     */
    @Transactional
    Optional<Load> move(ManagedDay day, Organiser who, long registrationId, long workshopId) {
        lock(day.id());
        Allocation allocation = allocation(day.id()).orElseThrow(() -> new Refusal("registration.allocation.error.none"));
        if (allocation.published()) {
            throw new Refusal("registration.allocation.error.published.move");
        }
        Workshop target = workshops.ofDay(day.id()).stream().filter(w -> w.id() == workshopId).findFirst()
                .orElseThrow(() -> new Refusal("registration.allocation.error.workshop.unknown"));
        Line line = view(day.id()).lines().stream().filter(l -> l.registration().id() == registrationId).findFirst()
                .orElseThrow(() -> new Refusal("registration.allocation.error.participant.unknown"));
        jdbc.sql("UPDATE registration_allocation_assignment SET workshop_id = ?, moved_by_hand = true WHERE registration_id = ?")
                .params(workshopId, registrationId).update();
        Registration r = line.registration();
        audit.record(day.id(), who.accountId(), who.displayName(), SUBJECT, "allocation.moved",
                r.givenName() + " " + r.surname() + " déplacé(e) dans l'atelier n°" + target.number() + " « "
                        + target.title() + " »");
        return view(day.id()).loads().stream().filter(l -> l.workshop().id() == workshopId && l.over()).findFirst();
    }

    /** Publishes the draft: each participant still CONFIRMED gets the draft's workshop, and an e-mail saying so. */
    @Transactional
    int publish(ManagedDay day, Organiser who) {
        lock(day.id());
        Allocation allocation = allocation(day.id()).orElseThrow(() -> new Refusal("registration.allocation.error.none"));
        if (allocation.published()) {
            throw new Refusal("registration.allocation.error.published");
        }
        View view = view(day.id());
        int written = 0;
        for (Line l : view.lines()) {
            int changed = jdbc.sql("""
                    UPDATE registration SET workshop_id = ?, version = version + 1
                    WHERE id = ? AND state = 'CONFIRMED'""").params(l.workshopId(), l.registration().id()).update();
            if (changed == 1) {
                // Each agent is told, in the same transaction (outbox), to look at their space.
                mails.workshopGiven(registrations.find(l.registration().id()).orElseThrow());
            }
            written += changed;
        }
        jdbc.sql("UPDATE registration_allocation SET state = 'PUBLISHED', published_at = ? WHERE event_day_id = ?")
                .params(clock.instant().atOffset(ZoneOffset.UTC), day.id()).update();
        String over = view.loads().stream().filter(Load::over)
                .map(l -> "atelier n°" + l.workshop().number() + " : " + l.count() + " pour " + l.workshop().capacity()
                        + " places").collect(Collectors.joining(", "));
        audit.record(day.id(), who.accountId(), who.displayName(), SUBJECT, "allocation.published",
                "Répartition dans les ateliers publiée : " + written + " participant(s), "
                        + profileText(view.profile()) + (over.isEmpty() ? "" : " ; au-delà de la capacité : " + over));
        return written;
    }

    /** Back to a draft: the agents' spaces say again that the allocation is pending. */
    @Transactional
    void unpublish(ManagedDay day, Organiser who) {
        lock(day.id());
        Allocation allocation = allocation(day.id()).orElseThrow(() -> new Refusal("registration.allocation.error.none"));
        if (!allocation.published()) {
            throw new Refusal("registration.allocation.error.not.published");
        }
        jdbc.sql("UPDATE registration_allocation SET state = 'DRAFT', published_at = NULL WHERE event_day_id = ?")
                .param(day.id()).update();
        audit.record(day.id(), who.accountId(), who.displayName(), SUBJECT, "allocation.unpublished",
                "Répartition dans les ateliers dépubliée (de nouveau en projet)");
    }

    /**
     * The participants of a workshop for its roster: once published, the CONFIRMED registrations
     * that have it; before, those the draft gives it.
     */
    List<Registration> roster(long dayId, long workshopId) {
        boolean published = allocation(dayId).map(Allocation::published).orElse(true);
        List<Registration> people;
        if (published) {
            people = registrations.ofDay(dayId).stream()
                    .filter(r -> r.state() == RegistrationState.CONFIRMED && Long.valueOf(workshopId).equals(r.workshopId()))
                    .toList();
        } else {
            people = view(dayId).lines().stream().filter(l -> Long.valueOf(workshopId).equals(l.workshopId()))
                    .map(Line::registration).toList();
        }
        Collator collator = Collator.getInstance(Locale.FRENCH);
        collator.setStrength(Collator.PRIMARY);
        return people.stream().sorted(Comparator.comparing(Registration::surname, collator)
                .thenComparing(Registration::givenName, collator)).toList();
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

    private static int rank(List<Long> choices, Long workshop) {
        if (workshop == null) {
            return -1;
        }
        int i = choices.indexOf(workshop);
        return i < 0 ? 0 : i + 1;
    }

    private void lock(long dayId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)").params(ALLOCATION_LOCK, (int) dayId).query((rs, n) -> 1).list();
        jdbc.sql("SELECT event_day_id FROM registration_capacity WHERE event_day_id = ? FOR UPDATE")
                .param(dayId).query((rs, n) -> 1).list();
    }

    private static Allocation allocationOf(ResultSet rs, int n) throws SQLException {
        OffsetDateTime computed = rs.getObject("computed_at", OffsetDateTime.class);
        OffsetDateTime published = rs.getObject("published_at", OffsetDateTime.class);
        return new Allocation(rs.getLong("event_day_id"), State.valueOf(rs.getString("state")), computed.toInstant(),
                published == null ? null : published.toInstant());
    }
}
