package org.rencontres.survey;

import java.time.LocalDate;
import java.util.Arrays;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.rencontres.registration.Registrations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The survey's results for other modules (the day's dashboard): the scale and choice questions' counts, and
 * the evaluation loop: each questionnaire's response rate, results and reminders sent (the evidence).
 */
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

    /** Reminders of one rank sent on one date (in the session's time zone). */
    public record Reminder(int rank, int count, LocalDate date) {
    }

    /**
     * One questionnaire of the loop: its name (« Évaluation à froid »), its code (HOT, COLD, SERVICE,
     * TRAINER), how many answered of how many asked, the rate in whole percent, the reminders sent, and its
     * scale and choice questions.
     */
    public record Questionnaire(String code, String name, int responses, int asked, int ratePercent,
                                List<Reminder> reminders, List<Summary> questions) {
    }

    private final Surveys surveys;
    private final SurveyReminders reminders;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final Registrations registrations;

    /** The four questionnaires of the session's evaluation loop, in order. */
    public List<Questionnaire> loop(long dayId) {
        return loop(dayId, null, new Results[1]);
    }

    /** The dashboard's view of the survey: the hot questionnaire's answers, and the loop. */
    public record Overview(DaySummary hot, List<Questionnaire> loop) {
    }

    /**
     * {@link #of} and {@link #loop} at once, each questionnaire's results read once, the confirmed registrations
     * present at least one half-day given by the caller, who counted them already (the dashboard).
     */
    public Overview overview(long dayId, int present) {
        Results[] hot = new Results[1];
        List<Questionnaire> loop = loop(dayId, present, hot);
        return new Overview(new DaySummary(hot[0].responses(), hot[0].present(), summaries(hot[0])), loop);
    }

    private List<Questionnaire> loop(long dayId, Integer present, Results[] hot) {
        List<SurveyReminders.Sent> sent = reminders.sent(dayId);
        return Arrays.stream(Phase.values()).map(p -> {
            Results r = surveys.results(dayId, p, present);
            if (p == Phase.HOT) {
                hot[0] = r;
            }
            return new Questionnaire(p.name(),
                    messages.getMessage("survey.phase.heading." + p.name(), null, LocaleContextHolder.getLocale()),
                    r.responses(), r.present(), r.ratePercent(),
                    sent.stream().filter(s -> s.phase() == p).map(s -> new Reminder(s.rank(), s.count(), s.date())).toList(),
                    summaries(r));
        }).toList();
    }

    /**
     * An e-mail of the survey sent to someone: the invitation after the session (and, once there are
     * some, the reminders), for the evidence of the evaluation.
     *
     * @param kind {@code invitation}, {@code reminder1}, {@code reminder2}, {@code followUp},
     *             {@code followUpReminder}, {@code service} or {@code trainer}
     */
    public record SentMail(Instant at, String kind, String recipient) {
    }


    /** Whether the session has a survey (questions to answer). */
    public boolean hasSurvey(long dayId) {
        return !surveys.questions(dayId).isEmpty();
    }

    /**
     * The evaluation's e-mails sent for the session, oldest first: the end-of-day invitations
     * ({@code invitation}), their reminders ({@code reminder1}, {@code reminder2}), the follow-up survey
     * ({@code followUp}) and its reminder ({@code followUpReminder}), the training services' and the
     * trainers' questionnaires ({@code service}, {@code trainer}).
     */
    public List<SentMail> mailsSent(long dayId) {
        Map<Long, String> emails = new HashMap<>();
        registrations.ofDay(dayId).forEach(r -> emails.put(r.id(), r.email()));
        return jdbc.sql("""
                        SELECT sent_at AS at, 'invitation' AS kind, registration_id, NULL AS email
                          FROM survey_invitation WHERE event_day_id = :day
                        UNION ALL
                        SELECT r.sent_at, CASE WHEN r.phase = 'HOT' THEN 'reminder' || r.rank ELSE 'followUpReminder' END,
                               r.registration_id, p.email
                          FROM survey_reminder r LEFT JOIN survey_respondent p ON p.id = r.respondent_id
                         WHERE r.event_day_id = :day
                        UNION ALL
                        SELECT invited_at, CASE phase WHEN 'COLD' THEN 'followUp' WHEN 'SERVICE' THEN 'service' ELSE 'trainer' END,
                               NULL, email
                          FROM survey_respondent WHERE event_day_id = :day
                        ORDER BY 1, 2, 4, 3""")
                .param("day", dayId)
                .query((rs, n) -> {
                    String email = rs.getString("email");
                    long registration = rs.getLong("registration_id");
                    String recipient = email != null ? email : emails.getOrDefault(registration, "?");
                    return new SentMail(rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("kind"), recipient);
                })
                .list();
    }

    public DaySummary of(long dayId) {
        Results results = surveys.results(dayId);
        return new DaySummary(results.responses(), results.present(), summaries(results));
    }

    private static List<Summary> summaries(Results results) {
        return results.questions().stream()
                .filter(q -> q.question().kind() != Question.Kind.TEXT)
                .map(q -> new Summary(q.question().text(), q.question().kind() == Question.Kind.SCALE,
                        q.answered(), q.mean(), q.counts())).toList();
    }
}
