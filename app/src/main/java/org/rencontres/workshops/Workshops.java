package org.rencontres.workshops;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.Days;
import org.rencontres.event.SessionDay;
import org.rencontres.event.SessionDays;
import org.rencontres.programme.ProgrammeCopied;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.Slot;
import org.rencontres.shared.Secrets;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The workshops module's operations. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Workshops {

    private final JdbcClient jdbc;
    private final Programmes programmes;
    private final Days days;

    @Transactional
    public long add(long dayId, WorkshopDraft w) {
        return jdbc.sql("""
                INSERT INTO workshop (event_day_id, slot_id, number, title, description, writing_template, capacity, room)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(dayId, w.slotId(), w.number(), w.title(), w.description(),
                        w.writingTemplate() == null ? null : w.writingTemplate().name(), w.capacity(), w.room())
                .query(Long.class).single();
    }

    /** Changes a workshop of the day (its slot stays). */
    @Transactional
    public void update(long dayId, long workshopId, WorkshopDraft w) {
        int updated = jdbc.sql("""
                UPDATE workshop SET number = ?, title = ?, description = ?, writing_template = ?, capacity = ?, room = ?
                WHERE id = ? AND event_day_id = ?""")
                .params(w.number(), w.title(), w.description(),
                        w.writingTemplate() == null ? null : w.writingTemplate().name(), w.capacity(), w.room(),
                        workshopId, dayId)
                .update();
        if (updated != 1) {
            throw new IllegalArgumentException("No workshop " + workshopId + " in day " + dayId);
        }
    }

    /** Removes a workshop of the day; false when there was none. */
    @Transactional
    public boolean delete(long dayId, long workshopId) {
        return jdbc.sql("DELETE FROM workshop WHERE id = ? AND event_day_id = ?").params(workshopId, dayId).update() == 1;
    }

    /** The day a workshop belongs to, if it exists. */
    public Optional<Long> dayOf(long workshopId) {
        return jdbc.sql("SELECT event_day_id FROM workshop WHERE id = ?").param(workshopId).query(Long.class).optional();
    }

    /**
     * The day of the session a workshop takes place on (its slot's); empty when it is not one of the
     * session's or its slot is gone from the programme.
     */
    public Optional<SessionDay> sessionDayOf(long dayId, long workshopId) {
        return slotsOfDay(dayId).stream().filter(p -> p.holds(workshopId) && p.sessionDayId() != null).findFirst()
                .flatMap(p -> days.days(dayId).flatMap(d -> d.byId(p.sessionDayId())));
    }

    /** The workshops held during that slot of the day, by number. */
    public List<Workshop> ofSlot(long dayId, long slotId) {
        return ofDay(dayId).stream().filter(w -> w.slotId() == slotId).toList();
    }

    /**
     * Copies a day's workshops and their facilitators to a new edition, onto the copied slots.
     * Synchronous, in the transaction that creates the edition: a failure here rolls it back.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ProgrammeCopied copied) {
        for (Workshop w : ofDay(copied.fromDayId())) {
            Long slot = copied.slotCopies().get(w.slotId());
            if (slot != null) {
                long copy = add(copied.toDayId(), new WorkshopDraft(slot, w.number(), w.title(), w.description(),
                        w.writingTemplate(), w.capacity(), w.room()));
                for (Facilitator f : facilitatorsOf(w.id())) {
                    addFacilitator(copy, f.name(), f.email());
                }
            }
        }
    }

    /**
     * The session's workshop periods in the programme's order: day by day (by date), the slots holding
     * workshops, those of the same day that overlap in time taken together (parallel tracks), each
     * with its workshops. A participant takes one workshop of each period. Slots gone from the
     * programme come last, one period each.
     */
    public List<WorkshopSlot> slotsOfDay(long dayId) {
        List<Workshop> all = ofDay(dayId);
        if (all.isEmpty()) {
            return List.of();
        }
        SessionDays sessionDays = days.days(dayId).orElse(null);
        Map<Long, Slot> slots = new HashMap<>();
        programmes.outline(dayId).forEach(s -> slots.put(s.id(), s));
        Map<Long, List<Workshop>> bySlot = new LinkedHashMap<>();
        all.forEach(w -> bySlot.computeIfAbsent(w.slotId(), k -> new ArrayList<>()).add(w));
        Map<Long, List<Slot>> placedByDay = new TreeMap<>();
        bySlot.keySet().stream().map(slots::get).filter(Objects::nonNull)
                .forEach(s -> placedByDay.computeIfAbsent(s.sessionDayId(), k -> new ArrayList<>()).add(s));
        List<Long> dayOrder = new ArrayList<>(placedByDay.keySet());
        dayOrder.sort(Comparator.comparing((Long id) -> dateOf(sessionDays, id), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Comparator.naturalOrder()));
        List<WorkshopSlot> result = new ArrayList<>();
        for (Long sessionDayId : dayOrder) {
            LocalDate shown = sessionDays == null || sessionDays.isSingle() ? null : dateOf(sessionDays, sessionDayId);
            List<Slot> placed = placedByDay.get(sessionDayId).stream()
                    .sorted(Comparator.comparing(Slot::startsAt).thenComparing(Slot::endsAt).thenComparing(Slot::id))
                    .toList();
            List<Slot> period = new ArrayList<>();
            for (Slot s : placed) {
                if (!period.isEmpty() && !overlaps(period, s)) {
                    result.add(period(period, bySlot, shown));
                    period = new ArrayList<>();
                }
                period.add(s);
            }
            if (!period.isEmpty()) {
                result.add(period(period, bySlot, shown));
            }
        }
        bySlot.forEach((slotId, workshops) -> {
            if (!slots.containsKey(slotId)) {
                result.add(new WorkshopSlot(slotId, List.of(slotId), null, null, null, null, null, workshops));
            }
        });
        return List.copyOf(result);
    }

    private static LocalDate dateOf(SessionDays sessionDays, long sessionDayId) {
        return sessionDays == null ? null : sessionDays.byId(sessionDayId).map(SessionDay::date).orElse(null);
    }

    private static boolean overlaps(List<Slot> period, Slot s) {
        LocalTime start = period.get(0).startsAt();
        LocalTime end = period.stream().map(Slot::endsAt).max(Comparator.naturalOrder()).orElseThrow();
        return s.startsAt().equals(start) || s.startsAt().isBefore(end);
    }

    private static WorkshopSlot period(List<Slot> period, Map<Long, List<Workshop>> bySlot, LocalDate shown) {
        LocalTime end = period.stream().map(Slot::endsAt).max(Comparator.naturalOrder()).orElseThrow();
        List<Workshop> workshops = period.stream().flatMap(s -> bySlot.get(s.id()).stream())
                .sorted(Comparator.comparingInt(Workshop::number)).toList();
        String title = period.size() == 1 ? period.get(0).title()
                : period.stream().map(Slot::formatLabel).distinct().count() == 1 ? period.get(0).formatLabel() : null;
        return new WorkshopSlot(period.get(0).id(), period.stream().map(Slot::id).toList(), period.get(0).sessionDayId(),
                shown, period.get(0).startsAt(), end, title, workshops);
    }

    public List<Workshop> ofDay(long dayId) {
        return jdbc.sql("""
                SELECT id, slot_id, number, title, description, writing_template, capacity, room
                FROM workshop WHERE event_day_id = ? ORDER BY number""")
                .param(dayId).query(Workshop.class).list();
    }

    // ---- facilitators ----

    /** The facilitators of a workshop, in the order they were added. */
    public List<Facilitator> facilitatorsOf(long workshopId) {
        return jdbc.sql("""
                SELECT id, workshop_id, name, email, access_key FROM workshop_facilitator
                WHERE workshop_id = ? ORDER BY id""")
                .param(workshopId).query(Facilitator.class).list();
    }

    /** The facilitator with that access key, if any. */
    public Optional<Facilitator> facilitatorByKey(String key) {
        if (key == null || key.isBlank() || key.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, workshop_id, name, email, access_key FROM workshop_facilitator WHERE access_key = ?")
                .param(key).query(Facilitator.class).optional();
    }

    /** Adds a facilitator to a workshop, with a fresh access key (128 random bits, base64url); returns it. */
    @Transactional
    public Facilitator addFacilitator(long workshopId, String name, String email) {
        String key = Secrets.randomKey(16);
        long id = jdbc.sql("""
                INSERT INTO workshop_facilitator (workshop_id, name, email, access_key) VALUES (?, ?, ?, ?)
                RETURNING id""").params(workshopId, name.strip(), email.strip(), key).query(Long.class).single();
        return new Facilitator(id, workshopId, name.strip(), email.strip(), key);
    }

    /** Removes a facilitator of a workshop; false when there was none. */
    @Transactional
    boolean removeFacilitator(long workshopId, long facilitatorId) {
        return jdbc.sql("DELETE FROM workshop_facilitator WHERE id = ? AND workshop_id = ?")
                .params(facilitatorId, workshopId).update() == 1;
    }
}
