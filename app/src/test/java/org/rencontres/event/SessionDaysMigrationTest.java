package org.rencontres.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.ScratchDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V38 makes every existing day a one-day session: on a database of its own (same embedded server),
 * migrated to V37, a day with its slots and a presence is written the old way; after V38 the day has
 * one session day with its date and hours, its slots and its presence point at it, its first and
 * last dates are that date, and the new tables refuse what the application never writes.
 */
@RencontresIntegrationTest
class SessionDaysMigrationTest {

    @Autowired DataSource dataSource;

    @Test
    void each_day_becomes_a_one_day_session_that_holds_its_slots_and_presences() throws Exception {
        try (ScratchDatabase old = ScratchDatabase.migratedTo(dataSource, "session_days_migration", "37")) {
            JdbcClient db = old.jdbc();
            long day = db.sql("""
                    INSERT INTO event_day (session_code, title, day_date, starts_at, ends_at)
                    VALUES ('ZMIG 38', 'Journée d''avant', DATE '2020-10-08', TIME '09:30', TIME '16:30') RETURNING id""")
                    .query(Long.class).single();
            long other = db.sql("""
                    INSERT INTO event_day (session_code, title, day_date, starts_at, ends_at)
                    VALUES ('ZMIG 39', 'Matinée d''avant', DATE '2021-01-14', TIME '09:00', TIME '12:30') RETURNING id""")
                    .query(Long.class).single();
            for (long d : new long[] {day, other}) {
                db.sql("""
                        INSERT INTO programme_slot (event_day_id, starts_at, ends_at, kind, title, position)
                        VALUES (?, TIME '10:00', TIME '10:15', 'SPEECH', 'Allocutions d''ouverture', 0),
                               (?, TIME '10:15', TIME '11:00', 'TALK', 'Exposé', 1)""").params(d, d).update();
            }
            long walkIn = db.sql("""
                    INSERT INTO attendance_walk_in (day_id, surname, given_name, created_by)
                    VALUES (?, 'Bisson', 'Michel', 'Accueil') RETURNING id""").param(day).query(Long.class).single();
            db.sql("""
                    INSERT INTO attendance (day_id, half_day, walk_in_id, present_at, recorded_by)
                    VALUES (?, 'MORNING', ?, TIMESTAMPTZ '2020-10-08 09:40+02', 'Accueil')""").params(day, walkIn).update();

            old.migrateTo("38");

            assertThat(db.sql("""
                    SELECT event_day_id || ' ' || day_date || ' ' || starts_at || '-' || ends_at
                    FROM event_session_day ORDER BY event_day_id""").query(String.class).list())
                    .containsExactly(day + " 2020-10-08 09:30:00-16:30:00", other + " 2021-01-14 09:00:00-12:30:00");
            assertThat(db.sql("SELECT first_date || ' ' || last_date FROM event_day ORDER BY id").query(String.class).list())
                    .containsExactly("2020-10-08 2020-10-08", "2021-01-14 2021-01-14");
            long sessionDay = db.sql("SELECT id FROM event_session_day WHERE event_day_id = ?").param(day)
                    .query(Long.class).single();
            assertThat(db.sql("SELECT DISTINCT session_day_id FROM programme_slot WHERE event_day_id = ?").param(day)
                    .query(Long.class).list()).containsExactly(sessionDay);
            assertThat(db.sql("SELECT count(*) FROM programme_slot WHERE session_day_id IS NULL").query(Long.class).single())
                    .isZero();
            assertThat(db.sql("SELECT session_day_id FROM attendance").query(Long.class).single()).isEqualTo(sessionDay);
            assertThat(db.sql("""
                    SELECT count(*) FROM information_schema.columns
                    WHERE table_name = 'event_day' AND column_name IN ('day_date', 'starts_at', 'ends_at')""")
                    .query(Long.class).single()).isZero();

            // Two days of one session on one date, a day ending before it starts, a slot with no day: refused.
            assertThatThrownBy(() -> db.sql("""
                    INSERT INTO event_session_day (event_day_id, day_date, starts_at, ends_at)
                    VALUES (?, DATE '2020-10-08', TIME '09:00', TIME '12:00')""").param(day).update())
                    .isInstanceOf(DataIntegrityViolationException.class);
            assertThatThrownBy(() -> db.sql("""
                    INSERT INTO event_session_day (event_day_id, day_date, starts_at, ends_at)
                    VALUES (?, DATE '2020-10-09', TIME '12:00', TIME '09:00')""").param(day).update())
                    .isInstanceOf(DataIntegrityViolationException.class);
            assertThatThrownBy(() -> db.sql("""
                    INSERT INTO programme_slot (event_day_id, starts_at, ends_at, kind, title, position)
                    VALUES (?, TIME '14:00', TIME '15:00', 'TALK', 'Sans jour', 2)""").param(day).update())
                    .isInstanceOf(DataIntegrityViolationException.class);
            // A second day is accepted; removing the session removes its days and their slots.
            db.sql("""
                    INSERT INTO event_session_day (event_day_id, day_date, starts_at, ends_at)
                    VALUES (?, DATE '2020-10-09', TIME '09:00', TIME '12:00')""").param(day).update();
            db.sql("DELETE FROM event_day WHERE id = ?").param(other).update();
            assertThat(db.sql("SELECT count(*) FROM event_session_day WHERE event_day_id = ?").param(other)
                    .query(Long.class).single()).isZero();
            assertThat(db.sql("SELECT count(*) FROM programme_slot WHERE event_day_id = ?").param(other)
                    .query(Long.class).single()).isZero();
        }
    }
}
