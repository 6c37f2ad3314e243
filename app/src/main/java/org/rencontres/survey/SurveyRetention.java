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
 * What the survey keeps of people (issue 17, retention), counted from the session's last day: the free texts
 * of the answers, which may name someone; the names and addresses of those asked by a questionnaire of
 * their own (follow-up, training services, trainers), anonymised. The scales and choices stay (the results count them); the
 * response stays tied to its registration, itself anonymised by registration's retention.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SurveyRetention implements RetainedData {

    static final String FREE_TEXTS = "survey.free-texts";
    static final String RESPONDENTS = "survey.respondents";

    private static final String EXPIRED = """
            text IS NOT NULL AND response_id IN (SELECT id FROM survey_response WHERE event_day_id IN (:days))""";

    private static final String RESPONDENTS_EXPIRED = """
            anonymised_at IS NULL AND event_day_id IN (:days)""";

    private final JdbcClient jdbc;
    private final EndedSessions ended;

    @Override
    public List<Kind> kinds() {
        return List.of(new Kind(FREE_TEXTS, Period.ofYears(2), "privacy.retention.kind.survey",
                        "privacy.retention.reason.survey"),
                new Kind(RESPONDENTS, Period.ofYears(1), "privacy.retention.kind.survey-respondents",
                        "privacy.retention.reason.survey-respondents"));
    }

    @Override
    public long countExpired(String kind, Instant cutoff) {
        List<Long> days = ended.endedBefore(cutoff);
        return days.isEmpty() ? 0
                : jdbc.sql("SELECT count(*) FROM " + table(kind)).param("days", days).query(Long.class).single();
    }

    @Override
    public long purge(String kind, Instant cutoff) {
        List<Long> days = ended.endedBefore(cutoff);
        if (days.isEmpty()) {
            return 0;
        }
        return switch (kind) {
            case FREE_TEXTS -> jdbc.sql("UPDATE survey_answer SET text = NULL WHERE " + EXPIRED).param("days", days).update();
            // The row stays (the response rate counts who was asked); who it was goes.
            case RESPONDENTS -> jdbc.sql("""
                    UPDATE survey_respondent SET name = 'Anonyme', email = 'anonyme-' || id || '@invalid',
                           anonymised_at = clock_timestamp() WHERE""" + " " + RESPONDENTS_EXPIRED)
                    .param("days", days).update();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static String table(String kind) {
        return switch (kind) {
            case FREE_TEXTS -> "survey_answer WHERE " + EXPIRED;
            case RESPONDENTS -> "survey_respondent WHERE " + RESPONDENTS_EXPIRED;
            default -> throw new IllegalArgumentException(kind);
        };
    }
}
