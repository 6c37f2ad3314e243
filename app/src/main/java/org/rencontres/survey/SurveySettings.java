package org.rencontres.survey;

import java.util.ArrayList;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.audit.AuditTrail;
import org.rencontres.security.Organiser;
import org.rencontres.shared.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delays of a session's evaluation loop, in whole days after its last day: the two reminders of the
 * end-of-day survey (2 and 7 by default) and the follow-up survey (60 by default), set per session.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SurveySettings {

    /** The delays in days after the session's last day. */
    record Delays(int firstReminder, int secondReminder, int followUp) {

        static final Delays DEFAULT = new Delays(2, 7, 60);

        /** The follow-up survey's own reminder comes this many days after it. */
        static final int FOLLOW_UP_REMINDER = 7;
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    Delays of(long dayId) {
        return jdbc.sql("SELECT first_reminder, second_reminder, follow_up FROM survey_setting WHERE event_day_id = ?")
                .param(dayId).query((rs, n) -> new Delays(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
                .optional().orElse(Delays.DEFAULT);
    }

    /**
     * Sets the delays from the form's fields (relance1, relance2, suivi); returns the problems, empty when
     * saved. First reminder 1–30 days, second after it and at most 60, follow-up after it, 14–365.
     */
    @Transactional
    List<FieldProblem> save(long dayId, String first, String second, String followUp, Organiser organiser) {
        List<FieldProblem> problems = new ArrayList<>();
        Integer f = whole(first, "relance1", 1, 30, problems);
        Integer s = whole(second, "relance2", 2, 60, problems);
        Integer u = whole(followUp, "suivi", 14, 365, problems);
        if (f != null && s != null && s <= f) {
            problems.add(FieldProblem.of("relance2", "survey.delays.error.order"));
        }
        if (s != null && u != null && u <= s) {
            problems.add(FieldProblem.of("suivi", "survey.delays.error.followup"));
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        jdbc.sql("""
                INSERT INTO survey_setting (event_day_id, first_reminder, second_reminder, follow_up) VALUES (?, ?, ?, ?)
                ON CONFLICT (event_day_id) DO UPDATE SET first_reminder = excluded.first_reminder,
                    second_reminder = excluded.second_reminder, follow_up = excluded.follow_up""")
                .params(dayId, f, s, u).update();
        audit.record(dayId, organiser.accountId(), organiser.displayName(), "survey", "delays", f + " " + s + " " + u);
        return List.of();
    }

    private static Integer whole(String value, String field, int min, int max, List<FieldProblem> problems) {
        String v = value == null ? "" : value.strip();
        if (v.matches("\\d{1,4}")) {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        }
        problems.add(FieldProblem.of(field, "survey.delays.error.range", min, max));
        return null;
    }
}
