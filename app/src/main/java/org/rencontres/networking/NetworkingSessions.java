package org.rencontres.networking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.programme.ProgrammeCopied;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The networking module's operations. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class NetworkingSessions {

    private final JdbcClient jdbc;

    @Transactional
    public long define(long dayId, NetworkingDraft d) {
        long id = jdbc.sql("""
                INSERT INTO networking_session (event_day_id, slot_id, title, description, group_size,
                    rotation_min_minutes, rotation_max_minutes, themes_provisional)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(dayId, d.slotId(), d.title(), d.description(), d.groupSize(), d.rotationMinMinutes(),
                        d.rotationMaxMinutes(), d.themesProvisional())
                .query(Long.class).single();
        insertThemes(id, d.themes());
        return id;
    }

    /** Changes a rotation of the day: its rules and its themes (replaced, in the draft's order). */
    @Transactional
    public void update(long dayId, long sessionId, NetworkingDraft d) {
        int updated = jdbc.sql("""
                UPDATE networking_session SET title = ?, description = ?, group_size = ?, rotation_min_minutes = ?,
                    rotation_max_minutes = ?, themes_provisional = ?
                WHERE id = ? AND event_day_id = ?""")
                .params(d.title(), d.description(), d.groupSize(), d.rotationMinMinutes(), d.rotationMaxMinutes(),
                        d.themesProvisional(), sessionId, dayId)
                .update();
        if (updated != 1) {
            throw new IllegalArgumentException("No rotation " + sessionId + " in day " + dayId);
        }
        jdbc.sql("DELETE FROM networking_theme WHERE session_id = ?").param(sessionId).update();
        insertThemes(sessionId, d.themes());
    }

    /** Removes a rotation of the day with its themes; false when there was none. */
    @Transactional
    public boolean delete(long dayId, long sessionId) {
        return jdbc.sql("DELETE FROM networking_session WHERE id = ? AND event_day_id = ?")
                .params(sessionId, dayId).update() == 1;
    }

    /** The rotation held during that slot of the day, if any. */
    public Optional<NetworkingSession> ofSlot(long dayId, long slotId) {
        return ofDay(dayId).stream().filter(s -> s.slotId() == slotId).findFirst();
    }

    private void insertThemes(long sessionId, List<String> themes) {
        int position = 0;
        for (String theme : themes) {
            jdbc.sql("INSERT INTO networking_theme (session_id, title, position) VALUES (?, ?, ?)")
                    .params(sessionId, theme, position++).update();
        }
    }

    /**
     * Copies a day's rotations and themes to a new edition, onto the copied slots. Synchronous, in
     * the transaction that creates the edition: a failure here rolls it back.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ProgrammeCopied copied) {
        for (NetworkingSession s : ofDay(copied.fromDayId())) {
            Long slot = copied.slotCopies().get(s.slotId());
            if (slot != null) {
                define(copied.toDayId(), new NetworkingDraft(slot, s.title(), s.description(), s.groupSize(),
                        s.rotationMinMinutes(), s.rotationMaxMinutes(), s.themesProvisional(), s.themes()));
            }
        }
    }

    public List<NetworkingSession> ofDay(long dayId) {
        Map<Long, List<String>> themes = new HashMap<>();
        jdbc.sql("""
                SELECT t.session_id, t.title FROM networking_theme t JOIN networking_session s ON s.id = t.session_id
                WHERE s.event_day_id = ? ORDER BY t.session_id, t.position""")
                .param(dayId)
                .query(rs -> {
                    themes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return jdbc.sql("SELECT * FROM networking_session WHERE event_day_id = ? ORDER BY id")
                .param(dayId)
                .query((rs, n) -> new NetworkingSession(rs.getLong("id"), rs.getLong("slot_id"), rs.getString("title"),
                        rs.getString("description"), rs.getInt("group_size"), rs.getInt("rotation_min_minutes"),
                        rs.getInt("rotation_max_minutes"), rs.getBoolean("themes_provisional"),
                        themes.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }
}
