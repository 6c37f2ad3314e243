package org.rencontres.workshops;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

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
    public java.util.Optional<Long> dayOf(long workshopId) {
        return jdbc.sql("SELECT event_day_id FROM workshop WHERE id = ?").param(workshopId).query(Long.class).optional();
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
                long copied = add(toDayId, new WorkshopDraft(slot, w.number(), w.title(), w.description(),
                        w.writingTemplate(), w.capacity(), w.room()));
                for (Facilitator f : facilitatorsOf(w.id())) {
                    addFacilitator(copied, f.name(), f.email());
                }
            }
        }
    }

    public List<Workshop> ofDay(long dayId) {
        return jdbc.sql("""
                SELECT id, slot_id, number, title, description, writing_template, capacity, room
                FROM workshop WHERE event_day_id = ? ORDER BY number""")
                .param(dayId).query(Workshop.class).list();
    }

    // ---- facilitators ----

    private static final SecureRandom RANDOM = new SecureRandom();

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
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
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
