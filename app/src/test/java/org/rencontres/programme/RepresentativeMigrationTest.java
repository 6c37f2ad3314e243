package org.rencontres.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.ScratchDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V37 turns the « ou son représentant » checkbox into the organiser's text: on a database of its own
 * (same embedded PostgreSQL server), migrated to V36, rows with the box ticked and unticked are written
 * the old way; after V37 the ticked ones print « ou son représentant », the others nothing, the old
 * column is gone, and the new column refuses what the application never writes.
 */
@RencontresIntegrationTest
class RepresentativeMigrationTest {

    @Autowired DataSource dataSource;

    @Test
    void ticked_boxes_become_the_words_they_printed_and_unticked_ones_nothing() throws Exception {
        try (ScratchDatabase old = ScratchDatabase.migratedTo(dataSource, "representative_migration", "36")) {
            JdbcClient db = old.jdbc();
            long person = db.sql("INSERT INTO person (given_name, family_name) VALUES ('Michel', 'Bisson') RETURNING id")
                    .query(Long.class).single();
            long other = db.sql("INSERT INTO person (given_name, family_name) VALUES ('Emmanuel', 'Thouary') RETURNING id")
                    .query(Long.class).single();
            long day = db.sql("""
                    INSERT INTO event_day (session_code, title, day_date, starts_at, ends_at)
                    VALUES ('ZMIG 37', 'Journée d''avant', DATE '2020-06-25', TIME '09:30', TIME '16:30') RETURNING id""")
                    .query(Long.class).single();
            long slot = db.sql("""
                    INSERT INTO programme_slot (event_day_id, starts_at, ends_at, kind, title, position)
                    VALUES (?, TIME '10:00', TIME '10:15', 'SPEECH', 'Allocutions d''ouverture', 0) RETURNING id""")
                    .param(day).query(Long.class).single();
            db.sql("""
                    INSERT INTO programme_slot_person (slot_id, person_id, role, or_representative, position)
                    VALUES (?, ?, 'SPEAKER', TRUE, 0), (?, ?, 'SPEAKER', FALSE, 1)""")
                    .params(slot, person, slot, other).update();

            old.migrateTo("37");

            assertThat(db.sql("""
                    SELECT person_id, representative_text FROM programme_slot_person ORDER BY position""")
                    .query((rs, n) -> rs.getLong(1) + " " + rs.getString(2)).list())
                    .containsExactly(person + " ou son représentant", other + " null");
            assertThat(db.sql("""
                    SELECT count(*) FROM information_schema.columns
                    WHERE table_name = 'programme_slot_person' AND column_name = 'or_representative'""")
                    .query(Long.class).single()).isZero();

            // The application's writes pass (a non-breaking space inside is kept, the longest text fits).
            String longest = "ou son représentant désigné par le président du conseil départemental de l'Aisne";
            for (String accepted : List.of("ou sa représentante", "ou son\u00a0adjoint·e", longest)) {
                db.sql("UPDATE programme_slot_person SET representative_text = ? WHERE person_id = ?")
                        .params(accepted, other).update();
            }
            // What it never writes is refused: empty, untrimmed, too long.
            for (String refused : List.of("", " ou sa représentante", "ou sa représentante\n", longest + "s")) {
                assertThatThrownBy(() -> db.sql("UPDATE programme_slot_person SET representative_text = ? WHERE person_id = ?")
                        .params(refused, other).update())
                        .as("%s", refused).isInstanceOf(DataIntegrityViolationException.class)
                        .hasMessageContaining("programme_slot_person_representative_text_check");
            }
        }
    }
}
