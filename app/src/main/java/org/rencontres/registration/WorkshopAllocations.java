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
import org.rencontres.shared.FrenchTime;
import org.rencontres.workshops.Workshop;
import org.rencontres.workshops.WorkshopSlot;
import org.rencontres.workshops.Workshops;
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
 * the agents' spaces and convocations say that the allocation is pending ({@link #workshopVisible}).
 * Each step is written to the audit trail (subject {@code ateliers}). Steps of one day are
 * serialised by locking the day's {@code registration_capacity} row (as confirmations do), and an
 * advisory lock.
 */
@Service
class WorkshopAllocations {

    enum State { DRAFT, PUBLISHED }

    record Allocation(long dayId, State state, Instant computedAt, Instant publishedAt) {
        public boolean published() {
            return state == State.PUBLISHED;
        }
    }

    /**
     * A participant of the draft in one workshop slot: rank 1..3 of the workshop given among their
     * choices in that slot, 0 not ranked, -1 no workshop.
     */
    record Line(Registration registration, long slotId, Long workshopId, int rank, boolean movedByHand,
                List<Long> choices) {
    }

    /** A workshop with the participants the draft gives it. */
    record Load(Workshop workshop, int count) {
        public boolean over() {
            return workshop.capacity() != null && count > workshop.capacity();
        }
    }

    /** One workshop slot of the draft: its participants, its workshops' loads and its rank profile. */
    record SlotDraft(WorkshopSlot slot, List<Line> lines, List<Load> loads, Map<Integer, Integer> profile) {
        public boolean overCapacity() {
            return loads.stream().anyMatch(Load::over);
        }
    }

    /**
     * The draft as the page shows it, slot by slot in the programme's order. {@code stale}: the
     * workshop periods changed since it was computed (programme times, workshops added, moved or
     * deleted), so someone has no line, or two, in a period: it must be computed again before
     * anything else. {@code doubled}: CONFIRMED registrations that hold two workshops of one period
     * (given before the programme's times changed); publishing a new allocation leaves them one.
     */
    record View(Optional<Allocation> allocation, List<SlotDraft> slots, boolean stale, List<Registration> doubled) {
        public boolean overCapacity() {
            return slots.stream().anyMatch(SlotDraft::overCapacity);
        }

        public List<Load> loads() {
            return slots.stream().flatMap(s -> s.loads().stream()).toList();
        }

        public List<Line> lines() {
            return slots.stream().flatMap(s -> s.lines().stream()).toList();
        }

        /** How many participants the draft holds (each counted once, whatever the number of slots). */
        public int participants() {
            return (int) lines().stream().map(l -> l.registration().id()).distinct().count();
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
                && !groups(r.dayId()).isEmpty();
    }

    /**
     * The agent ranks the day's workshops again (up to three per workshop slot, as on the request
     * form): the choices replace the earlier ones. Refused (an error under the first field) once the
     * allocation is published or the registration is over.
     *
     * @param typed the choices as typed, rank 1 first
     * @return the problems per field, empty when saved
     */
    @Transactional
    Map<String, String> rank(long registrationId, java.util.function.Function<String, String> typed) {
        Registration r = registrations.find(registrationId).orElseThrow();
        lock(r.dayId());
        Map<String, String> errors = new LinkedHashMap<>();
        List<WorkshopRanking.Group> groups = groups(r.dayId());
        if (!mayRank(registrations.find(registrationId).orElseThrow())) {
            errors.put(groups.isEmpty() ? WorkshopRanking.field(1, 1) : groups.get(0).field(1),
                    "registration.ranking.error.closed");
            return errors;
        }
        List<Long> chosen = WorkshopRanking.read(groups, typed, errors);
        if (errors.isEmpty()) {
            registrations.rankWorkshops(registrationId, chosen);
        }
        return errors;
    }

    /** An agent's choices in one workshop period, best first; {@code label} its hours, or null when the day has one period. */
    record ChoiceGroup(String label, List<String> titles) {
    }

    /** An agent's ranked choices, period by period (only the periods where they chose something). */
    List<ChoiceGroup> choiceGroups(Registration r) {
        List<Long> choices = registrations.workshopChoices(r.id());
        if (choices.isEmpty()) {
            return List.of();
        }
        List<WorkshopSlot> slots = workshops.slotsOfDay(r.dayId());
        List<ChoiceGroup> groups = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            WorkshopSlot slot = slots.get(i);
            if (slot.workshops().size() < 2) {
                continue;   // nothing to choose there (its workshop is given): earlier choices no longer count
            }
            List<String> titles = choices.stream().filter(slot::holds)
                    .map(c -> slot.workshops().stream().filter(w -> w.id() == c).findFirst().orElseThrow())
                    .map(w -> w.number() + ". " + w.title()).toList();
            if (!titles.isEmpty()) {
                groups.add(new ChoiceGroup(slots.size() > 1 ? hours(slot, i + 1) : null, titles));
            }
        }
        return groups;
    }

    /** "14h30 – 16h : Ateliers participatifs", or without the title when the period has none. */
    private static String hours(WorkshopSlot slot, int position) {
        if (slot.startsAt() == null) {
            return slot.title() != null ? slot.title() : "Ateliers, créneau n° " + position;
        }
        return FrenchTime.clock(slot.startsAt()) + " – " + FrenchTime.clock(slot.endsAt())
                + (slot.title() == null ? "" : " : " + slot.title());
    }

    /** The day's workshop slots as the ranking form shows them. */
    List<WorkshopRanking.Group> groups(long dayId) {
        return WorkshopRanking.groups(workshops.slotsOfDay(dayId));
    }

    /**
     * The workshops an agent sees as theirs, as text ("2. Titre", with the hours when the day has
     * several workshop slots): for the space, the convocation.
     */
    List<String> visibleWorkshopTitles(Registration r) {
        if (r.workshopIds().isEmpty() || !workshopVisible(r.dayId())) {
            return List.of();
        }
        List<WorkshopSlot> slots = workshops.slotsOfDay(r.dayId());
        List<Workshop> mine = slots.stream().flatMap(s -> s.workshops().stream())
                .filter(w -> r.hasWorkshop(w.id())).toList();
        return mine.stream().map(w -> {
            String title = w.number() + ". " + w.title();
            Optional<WorkshopSlot> slot = slots.stream().filter(s -> s.holds(w.id())).findFirst();
            if (slots.size() > 1 && slot.isPresent() && slot.get().startsAt() != null) {
                return FrenchTime.clock(slot.get().startsAt()) + " – " + FrenchTime.clock(slot.get().endsAt()) + " : "
                        + title;
            }
            return title;
        }).toList();
    }

    View view(long dayId) {
        Optional<Allocation> allocation = allocation(dayId);
        List<WorkshopSlot> slots = workshops.slotsOfDay(dayId);
        Map<Long, Registration> byId = registrations.ofDay(dayId).stream()
                .collect(Collectors.toMap(Registration::id, r -> r));
        Map<Long, List<Long>> choicesOf = registrations.workshopChoicesOfDay(dayId);
        // Each stored line goes to the period that holds its workshop (or, without one, covers its slot):
        // the periods are worked out afresh from the programme, which may have changed since the draft.
        Map<Integer, List<Line>> byPeriod = new HashMap<>();
        java.util.Set<Long> drafted = new java.util.HashSet<>();
        boolean[] misplaced = {false};
        jdbc.sql("""
                SELECT registration_id, slot_id, workshop_id, moved_by_hand FROM registration_allocation_assignment
                WHERE event_day_id = ?""")
                .param(dayId).query((rs, n) -> {
                    Registration r = byId.get(rs.getLong("registration_id"));
                    if (r != null) {
                        long slotId = rs.getLong("slot_id");
                        Long workshop = (Long) rs.getObject("workshop_id");
                        drafted.add(r.id());
                        int period = -1;
                        for (int i = 0; i < slots.size() && period < 0; i++) {
                            if (workshop != null ? slots.get(i).holds(workshop) : slots.get(i).covers(slotId)) {
                                period = i;
                            }
                        }
                        if (period < 0) {
                            misplaced[0] = true;
                        } else {
                            List<Long> choices = choicesOf.getOrDefault(r.id(), List.of());
                            byPeriod.computeIfAbsent(period, k -> new ArrayList<>()).add(new Line(r, slotId, workshop,
                                    0, rs.getBoolean("moved_by_hand"), choices));
                        }
                    }
                    return 1;
                }).list();
        Collator collator = Collator.getInstance(Locale.FRENCH);
        collator.setStrength(Collator.PRIMARY);
        List<SlotDraft> drafts = new ArrayList<>();
        boolean stale = misplaced[0];
        for (int i = 0; i < slots.size(); i++) {
            WorkshopSlot slot = slots.get(i);
            List<Line> lines = new ArrayList<>();
            for (Line l : byPeriod.getOrDefault(i, List.of())) {
                List<Long> here = ranked(slot, l.choices());
                lines.add(new Line(l.registration(), l.slotId(), l.workshopId(), rank(here, l.workshopId()),
                        l.movedByHand(), here));
            }
            // Everyone of the draft has exactly one line per period, unless the programme changed since.
            if (!drafted.isEmpty() && (lines.size() != drafted.size()
                    || lines.stream().map(l -> l.registration().id()).distinct().count() != lines.size())) {
                stale = true;
            }
            lines.sort(Comparator.comparing((Line l) -> l.registration().surname(), collator)
                    .thenComparing(l -> l.registration().givenName(), collator));
            List<Load> loads = slot.workshops().stream().map(w -> new Load(w,
                    (int) lines.stream().filter(l -> Long.valueOf(w.id()).equals(l.workshopId())).count())).toList();
            Map<Integer, Integer> profile = new LinkedHashMap<>();
            for (Line l : lines) {
                profile.merge(l.rank(), 1, Integer::sum);
            }
            drafts.add(new SlotDraft(slot, List.copyOf(lines), loads, profile));
        }
        List<Registration> doubled = byId.values().stream()
                .filter(r -> r.state() == RegistrationState.CONFIRMED)
                .filter(r -> slots.stream().anyMatch(p -> r.workshopIds().stream().filter(p::holds).count() > 1))
                .sorted(Comparator.comparing(Registration::surname, collator)
                        .thenComparing(Registration::givenName, collator))
                .toList();
        return new View(allocation, List.copyOf(drafts), stale, doubled);
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
                    ranked(slot, choicesOf.getOrDefault(r.id(), List.of())).stream().map(String::valueOf).toList())).toList();
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
                        + profileText(view(day.id())));
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
        Allocation allocation = allocation(day.id()).orElseThrow(() -> new Refusal("registration.allocation.error.none"));
        if (allocation.published()) {
            throw new Refusal("registration.allocation.error.published.move");
        }
        Workshop target = workshops.ofDay(day.id()).stream().filter(w -> w.id() == workshopId).findFirst()
                .orElseThrow(() -> new Refusal("registration.allocation.error.workshop.unknown"));
        View current = view(day.id());
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
            mails.workshopGiven(registrations.find(id).orElseThrow());
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
                    .filter(r -> r.state() == RegistrationState.CONFIRMED && r.hasWorkshop(workshopId))
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

    /** The draft's rank profiles in French, for the audit trail, slot by slot when the day has several. */
    static String profileText(View view) {
        if (view.slots().size() == 1) {
            return profileText(view.slots().get(0).profile());
        }
        return view.slots().stream().map(d -> (d.slot().startsAt() == null ? "" : FrenchTime.clock(d.slot().startsAt()) + " : ")
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

    /** A participant's choices in a period, best first; a period with a single workshop counts as chosen first. */
    private static List<Long> ranked(WorkshopSlot slot, List<Long> choices) {
        if (slot.workshops().size() == 1) {
            return List.of(slot.workshops().get(0).id());
        }
        return choices.stream().filter(slot::holds).toList();
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
