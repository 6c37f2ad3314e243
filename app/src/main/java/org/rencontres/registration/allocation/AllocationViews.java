package org.rencontres.registration.allocation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Collator;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.registration.Registration;
import org.rencontres.registration.RegistrationState;
import org.rencontres.registration.Registrations;
import org.rencontres.shared.FrenchTime;
import org.rencontres.workshops.Workshop;
import org.rencontres.workshops.WorkshopSlot;
import org.rencontres.workshops.Workshops;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The allocation of a day's participants to its workshops as it is read: its state, the draft slot
 * by slot ({@link #view}), what an agent sees of it (their choices, their workshops once published)
 * and the rosters. Reads only; {@link WorkshopAllocations} computes, moves and publishes.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AllocationViews {

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

    /** An agent's choices in one workshop period, best first; {@code label} its hours, or null when the day has one period. */
    public record ChoiceGroup(String label, List<String> titles) {
    }

    private final JdbcClient jdbc;
    private final Registrations registrations;
    private final Workshops workshops;

    Optional<Allocation> allocation(long dayId) {
        return jdbc.sql("SELECT event_day_id, state, computed_at, published_at FROM registration_allocation WHERE event_day_id = ?")
                .param(dayId).query(AllocationViews::allocationOf).optional();
    }

    /**
     * Whether the agents see the workshop of their registration: when the organiser has not started
     * an allocation (the workshop given on confirmation, first come first served) or has published it.
     */
    public boolean workshopVisible(long dayId) {
        return allocation(dayId).map(Allocation::published).orElse(true);
    }

    /** Whether the organiser's allocation is under way and not published: the agents' spaces say it is pending. */
    public boolean pending(long dayId) {
        return allocation(dayId).map(a -> !a.published()).orElse(false);
    }

    /** Whether an agent may still rank the workshops: a live registration, and the allocation not published. */
    public boolean mayRank(Registration r) {
        return r.state().isLive() && !allocation(r.dayId()).map(Allocation::published).orElse(false)
                && !groups(r.dayId()).isEmpty();
    }

    /** An agent's ranked choices, period by period (only the periods where they chose something). */
    public List<ChoiceGroup> choiceGroups(Registration r) {
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
                    // Shown in a numbered list (the rank): the workshop's own number is written out, not "1. 1.".
                    .map(w -> "Atelier n°\u00a0" + w.number() + "\u00a0: " + w.title()).toList();
            if (!titles.isEmpty()) {
                groups.add(new ChoiceGroup(slots.size() > 1 ? hours(slot, i + 1) : null, titles));
            }
        }
        return groups;
    }

    /**
     * "14h30 – 16h : Ateliers participatifs" ("Mardi 16 mars, 14h30 – 16h : …" when the session has
     * several days), or without the title when the period has none.
     */
    private static String hours(WorkshopSlot slot, int position) {
        if (slot.startsAt() == null) {
            return slot.title() != null ? slot.title() : "Ateliers, créneau n° " + position;
        }
        return slot.when() + (slot.title() == null ? "" : " : " + slot.title());
    }

    /** The day's workshop slots as the ranking form shows them. */
    public List<WorkshopRanking.Group> groups(long dayId) {
        return WorkshopRanking.groups(workshops.slotsOfDay(dayId));
    }

    /**
     * The workshops an agent sees as theirs, as text ("2. Titre", with the hours when the day has
     * several workshop slots): for the space, the convocation.
     */
    public List<String> visibleWorkshopTitles(Registration r) {
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
                return slot.get().when() + " : " + title;
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
        Set<Long> drafted = new HashSet<>();
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

    /** A participant's choices in a period, best first; a period with a single workshop counts as chosen first. */
    static List<Long> ranked(WorkshopSlot slot, List<Long> choices) {
        if (slot.workshops().size() == 1) {
            return List.of(slot.workshops().get(0).id());
        }
        return choices.stream().filter(slot::holds).toList();
    }

    static int rank(List<Long> choices, Long workshop) {
        if (workshop == null) {
            return -1;
        }
        int i = choices.indexOf(workshop);
        return i < 0 ? 0 : i + 1;
    }

    private static Allocation allocationOf(ResultSet rs, int n) throws SQLException {
        OffsetDateTime computed = rs.getObject("computed_at", OffsetDateTime.class);
        OffsetDateTime published = rs.getObject("published_at", OffsetDateTime.class);
        return new Allocation(rs.getLong("event_day_id"), State.valueOf(rs.getString("state")), computed.toInstant(),
                published == null ? null : published.toInstant());
    }
}
