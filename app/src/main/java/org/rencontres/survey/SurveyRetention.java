package org.rencontres.survey;

import java.time.Instant;
import java.time.Period;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.EndedSessions;
import org.rencontres.shared.RetainedData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the survey keeps of people (issue 17, retention): the free texts of the answers, which may name
 * someone, counted from the session's last day. The scales and choices stay (the results count them); the
 * response stays tied to its registration, itself anonymised by registration's retention.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SurveyRetention implements RetainedData {

    static final String FREE_TEXTS = "survey.free-texts";

    private static final String EXPIRED = """
            text IS NOT NULL AND response_id IN (SELECT id FROM survey_response WHERE event_day_id IN (:days))""";

    private final JdbcClient jdbc;
    private final EndedSessions ended;

    @Override
    public List<Kind> kinds() {
        return List.of(new Kind(FREE_TEXTS, Period.ofYears(2), "privacy.retention.kind.survey",
                "privacy.retention.reason.survey"));
    }

    @Override
    public long countExpired(String kind, Instant cutoff) {
        check(kind);
        List<Long> days = ended.endedBefore(cutoff);
        return days.isEmpty() ? 0
                : jdbc.sql("SELECT count(*) FROM survey_answer WHERE " + EXPIRED).param("days", days)
                        .query(Long.class).single();
    }

    @Override
    public long purge(String kind, Instant cutoff) {
        check(kind);
        List<Long> days = ended.endedBefore(cutoff);
        return days.isEmpty() ? 0
                : jdbc.sql("UPDATE survey_answer SET text = NULL WHERE " + EXPIRED).param("days", days).update();
    }

    private static void check(String kind) {
        if (!FREE_TEXTS.equals(kind)) {
            throw new IllegalArgumentException(kind);
        }
    }
}
