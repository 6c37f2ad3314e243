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
