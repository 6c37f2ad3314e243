package org.rencontres.registration;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** How a registration and a day's capacity are read from their rows; shared by the module's stores. */
final class RegistrationRows {

    static final String COLUMNS = """
            id, event_day_id, state, surname, given_name, email, phone, position_service, employer_organisation_id,
            employer_name, line_manager_email, dietary_needs, accessibility_needs, consent_at, waiting_position,
            offer_deadline, version, created_at, language, registered_by, networking_opt_in,
            ARRAY(SELECT rw.workshop_id FROM registration_workshop rw WHERE rw.registration_id = registration.id
                  ORDER BY rw.workshop_id) AS workshop_ids""";

    static final String CAPACITY_COLUMNS = "event_day_id, seats, offer_hours, manager_opinion_asked, opens_at, closes_at";

    private RegistrationRows() {
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Capacity capacityOf(ResultSet rs, int n) throws SQLException {
        return new Capacity(rs.getLong("event_day_id"), rs.getInt("seats"), rs.getInt("offer_hours"),
                rs.getBoolean("manager_opinion_asked"), instant(rs, "opens_at"), instant(rs, "closes_at"));
    }

    static Registration registrationOf(ResultSet rs, int n) throws SQLException {
        return new Registration(rs.getLong("id"), rs.getLong("event_day_id"),
                RegistrationState.valueOf(rs.getString("state")), rs.getString("surname"), rs.getString("given_name"),
                rs.getString("email"), rs.getString("phone"), rs.getString("position_service"),
                (Long) rs.getObject("employer_organisation_id"), rs.getString("employer_name"),
                rs.getString("line_manager_email"), rs.getString("dietary_needs"), rs.getString("accessibility_needs"),
                instant(rs, "consent_at"), (Integer) rs.getObject("waiting_position"), instant(rs, "offer_deadline"),
                rs.getInt("version"), instant(rs, "created_at"), rs.getString("language"),
                rs.getString("registered_by"), longs(rs.getArray("workshop_ids")), rs.getBoolean("networking_opt_in"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static List<Long> longs(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        List<Long> list = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            list.add(((Number) o).longValue());
        }
        return list;
    }
}
