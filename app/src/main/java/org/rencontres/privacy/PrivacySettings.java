package org.rencontres.privacy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What an administrator set: the retention period of each kind (months; a kind absent keeps its module's
 * default) and the controller's identity. Only {@link Retention} writes here, with its audit entry.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PrivacySettings {

    private final JdbcClient jdbc;

    /** The controller of the processing as the record and the notice name it. */
    record Controller(String bodyName, String address, String dpoEmail) {

        static final Controller UNSET = new Controller("", "", "");

        public boolean isSet() {
            return !bodyName.isBlank();
        }
    }

    Map<String, Integer> months() {
        Map<String, Integer> months = new HashMap<>();
        jdbc.sql("SELECT kind, months FROM privacy_retention_period")
                .query(rs -> {
                    months.put(rs.getString("kind"), rs.getInt("months"));
                });
        return months;
    }

    void setMonths(String kind, int months, String actor) {
        jdbc.sql("""
                INSERT INTO privacy_retention_period (kind, months, changed_by) VALUES (?, ?, ?)
                ON CONFLICT (kind) DO UPDATE SET months = excluded.months, changed_by = excluded.changed_by,
                                                 changed_at = clock_timestamp()""")
                .params(kind, months, actor).update();
    }

    Controller controller() {
        Optional<Controller> set = jdbc.sql("SELECT body_name, address, dpo_email FROM privacy_controller WHERE id = 1")
                .query((rs, n) -> new Controller(rs.getString("body_name"), rs.getString("address"),
                        rs.getString("dpo_email")))
                .optional();
        return set.orElse(Controller.UNSET);
    }

    void setController(Controller controller, String actor) {
        jdbc.sql("""
                INSERT INTO privacy_controller (id, body_name, address, dpo_email, changed_by) VALUES (1, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET body_name = excluded.body_name, address = excluded.address,
                    dpo_email = excluded.dpo_email, changed_by = excluded.changed_by, changed_at = clock_timestamp()""")
                .params(controller.bodyName(), controller.address(), controller.dpoEmail(), actor).update();
    }
}
