package org.rencontres.workshops;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
public class Workshops {

    private final JdbcClient jdbc;
    private final Programmes programmes;

    Workshops(JdbcClient jdbc, Programmes programmes) {
        this.jdbc = jdbc;
        this.programmes = programmes;
    }

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
     * The day's workshop periods in the programme's order: the slots holding workshops, those that
     * overlap in time taken together (parallel tracks), each with its workshops. A participant takes
     * one workshop of each period. Slots gone from the programme come last, one period each.
     */
    public List<WorkshopSlot> slotsOfDay(long dayId) {
        List<Workshop> all = ofDay(dayId);
        if (all.isEmpty()) {
            return List.of();
        }
        Map<Long, Slot> slots = new HashMap<>();
        programmes.outline(dayId).forEach(s -> slots.put(s.id(), s));
        Map<Long, List<Workshop>> bySlot = new LinkedHashMap<>();
        all.forEach(w -> bySlot.computeIfAbsent(w.slotId(), k -> new ArrayList<>()).add(w));
        List<Slot> placed = bySlot.keySet().stream().map(slots::get).filter(Objects::nonNull)
                .sorted(Comparator.comparing(Slot::startsAt).thenComparing(Slot::endsAt).thenComparing(Slot::id))
                .toList();
        List<WorkshopSlot> result = new ArrayList<>();
        List<Slot> period = new ArrayList<>();
        for (Slot s : placed) {
            if (!period.isEmpty() && !overlaps(period, s)) {
                result.add(period(period, bySlot));
                period = new ArrayList<>();
            }
            period.add(s);
        }
        if (!period.isEmpty()) {
            result.add(period(period, bySlot));
        }
        bySlot.forEach((slotId, workshops) -> {
            if (!slots.containsKey(slotId)) {
                result.add(new WorkshopSlot(slotId, List.of(slotId), null, null, null, workshops));
            }
        });
        return List.copyOf(result);
    }

    private static boolean overlaps(List<Slot> period, Slot s) {
        LocalTime start = period.get(0).startsAt();
        LocalTime end = period.stream().map(Slot::endsAt).max(Comparator.naturalOrder()).orElseThrow();
        return s.startsAt().equals(start) || s.startsAt().isBefore(end);
    }

    private static WorkshopSlot period(List<Slot> period, Map<Long, List<Workshop>> bySlot) {
        LocalTime end = period.stream().map(Slot::endsAt).max(Comparator.naturalOrder()).orElseThrow();
        List<Workshop> workshops = period.stream().flatMap(s -> bySlot.get(s.id()).stream())
                .sorted(Comparator.comparingInt(Workshop::number)).toList();
        String title = period.size() == 1 ? period.get(0).title()
                : period.stream().map(Slot::formatLabel).distinct().count() == 1 ? period.get(0).formatLabel() : null;
        return new WorkshopSlot(period.get(0).id(), period.stream().map(Slot::id).toList(), period.get(0).startsAt(),
                end, title, workshops);
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
