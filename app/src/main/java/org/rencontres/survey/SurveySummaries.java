package org.rencontres.survey;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.registration.Registrations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The survey's results for other modules (the day's dashboard): the scale and choice questions' counts. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SurveySummaries {

    /**
     * One question's counts by answer ("1".."5" for a scale, the options for a choice), with its mean for a
     * scale ({@code scale}; null while nobody answered).
     */
    public record Summary(String question, boolean scale, int answered, Double mean, Map<String, Integer> counts) {
    }

    /**
     * The day's answers: how many responded, of how many confirmed people present at least one half-day,
     * and each scale or choice question.
     */
    public record DaySummary(int responses, int present, List<Summary> questions) {
    }

    /**
     * An e-mail of the survey sent to someone: the invitation after the session (and, once there are
     * some, the reminders), for the evidence of the evaluation.
     *
     * @param kind « invitation »
     */
    public record SentMail(Instant at, String kind, String recipient) {
    }

    private final Surveys surveys;
    private final JdbcClient jdbc;
    private final Registrations registrations;

    /** Whether the session has a survey (questions to answer). */
    public boolean hasSurvey(long dayId) {
        return !surveys.questions(dayId).isEmpty();
    }

    /** The survey's e-mails sent for the session, oldest first. */
    public List<SentMail> mailsSent(long dayId) {
        Map<Long, String> emails = new HashMap<>();
        registrations.ofDay(dayId).forEach(r -> emails.put(r.id(), r.email()));
        return jdbc.sql("SELECT registration_id, sent_at FROM survey_invitation WHERE event_day_id = ? ORDER BY sent_at, registration_id")
                .param(dayId)
                .query((rs, n) -> new SentMail(rs.getObject("sent_at", OffsetDateTime.class).toInstant(), "invitation",
                        emails.getOrDefault(rs.getLong("registration_id"), "?")))
                .list();
    }

    public DaySummary of(long dayId) {
        Results results = surveys.results(dayId);
        return new DaySummary(results.responses(), results.present(), results.questions().stream()
                .filter(q -> q.question().kind() != Question.Kind.TEXT)
                .map(q -> new Summary(q.question().text(), q.question().kind() == Question.Kind.SCALE,
                        q.answered(), q.mean(), q.counts())).toList());
    }
}
