package org.rencontres.workshops;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The workshops module's operations. */
@Service
public class Workshops {

    private final JdbcClient jdbc;

    Workshops(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public long add(long dayId, WorkshopDraft w) {
        return jdbc.sql("""
                INSERT INTO workshop (event_day_id, slot_id, number, title, description, writing_template, capacity)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(dayId, w.slotId(), w.number(), w.title(), w.description(),
                        w.writingTemplate() == null ? null : w.writingTemplate().name(), w.capacity())
                .query(Long.class).single();
    }

    /** Changes a workshop of the day (its slot stays). */
    @Transactional
    public void update(long dayId, long workshopId, WorkshopDraft w) {
        int updated = jdbc.sql("""
                UPDATE workshop SET number = ?, title = ?, description = ?, writing_template = ?, capacity = ?
                WHERE id = ? AND event_day_id = ?""")
                .params(w.number(), w.title(), w.description(),
                        w.writingTemplate() == null ? null : w.writingTemplate().name(), w.capacity(), workshopId, dayId)
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

    /** The workshops held during that slot of the day, by number. */
    public List<Workshop> ofSlot(long dayId, long slotId) {
        return ofDay(dayId).stream().filter(w -> w.slotId() == slotId).toList();
    }

    /** Copies a day's workshops to a new edition, onto the copied slots. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void copy(long fromDayId, long toDayId, java.util.Map<Long, Long> slotCopies) {
        for (Workshop w : ofDay(fromDayId)) {
            Long slot = slotCopies.get(w.slotId());
            if (slot != null) {
                add(toDayId, new WorkshopDraft(slot, w.number(), w.title(), w.description(), w.writingTemplate(),
                        w.capacity()));
            }
        }
    }

    public List<Workshop> ofDay(long dayId) {
        return jdbc.sql("""
                SELECT id, slot_id, number, title, description, writing_template, capacity
                FROM workshop WHERE event_day_id = ? ORDER BY number""")
                .param(dayId).query(Workshop.class).list();
    }
}
