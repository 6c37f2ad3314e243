package org.rencontres.networking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The networking module's operations. */
@Service
public class NetworkingSessions {

    private final JdbcClient jdbc;

    NetworkingSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public long define(long dayId, NetworkingDraft d) {
        long id = jdbc.sql("""
                INSERT INTO networking_session (event_day_id, slot_id, title, description, group_size,
                    rotation_min_minutes, rotation_max_minutes, themes_provisional)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(dayId, d.slotId(), d.title(), d.description(), d.groupSize(), d.rotationMinMinutes(),
                        d.rotationMaxMinutes(), d.themesProvisional())
                .query(Long.class).single();
        int position = 0;
        for (String theme : d.themes()) {
            jdbc.sql("INSERT INTO networking_theme (session_id, title, position) VALUES (?, ?, ?)")
                    .params(id, theme, position++).update();
        }
        return id;
    }

    /** Copies a day's rotations and themes to a new edition, onto the copied slots. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void copy(long fromDayId, long toDayId, Map<Long, Long> slotCopies) {
        for (NetworkingSession s : ofDay(fromDayId)) {
            Long slot = slotCopies.get(s.slotId());
            if (slot != null) {
                define(toDayId, new NetworkingDraft(slot, s.title(), s.description(), s.groupSize(),
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
