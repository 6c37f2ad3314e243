package org.rencontres.survey;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.Day;
import org.rencontres.event.Days;
import org.rencontres.registration.Registration;
import org.rencontres.shared.RecurringJobs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds those who have not answered (Qualiopi indicator 30): the present participants of the end-of-day
 * survey after its first and second delay (2 and 7 days after the session's last day by default), the
 * follow-up survey's respondents {@link SurveySettings.Delays#FOLLOW_UP_REMINDER} days after it was due.
 * Each reminder is a row of survey_reminder (who, which, when), unique, so it is never sent twice and
 * stays as evidence; the e-mail goes through the outbox in the same transaction. A recurring db-scheduler
 * job ({@code survey-reminders}) runs it with the injected clock, on one instance at a time.
 */
@Configuration(proxyBeanMethods = false)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SurveyReminders {

    /**
     * A reminder goes out from its day until this long after it (the second one: the first stops when the
     * second is due), so that a job stopped for a while catches up but an old session gets nothing.
     */
    static final Duration WINDOW = Duration.ofDays(7);

    /** The reminders of one rank sent one day: « Relance 1 : 12 envoyées le 9 décembre 2026 ». */
    record Sent(Phase phase, int rank, int count, LocalDate date) {
    }

    private final JdbcClient jdbc;
    private final Surveys surveys;
    private final Questionnaires questionnaires;
    private final SurveySettings settings;
    private final Days days;
    private final HotSurveyMail mail;
    private final TransactionTemplate transaction;

    @Bean
    RecurringTask<Void> surveyRemindersTask(Optional<Clock> clock,
                                            @Value("${rencontres.survey.reminder-check-interval:30m}") Duration every) {
        return RecurringJobs.every("survey-reminders", every, clock, this::sendDue);
    }

    /** Sends the reminders due at {@code now}; returns how many e-mails were queued. */
    int sendDue(Instant now) {
        int sent = 0;
        for (Day day : mail.daysWithQuestions()) {
            long dayId = day.id();
            Instant end = day.days().end().toInstant();
            SurveySettings.Delays delays = settings.of(dayId);
            Instant first = end.plus(Duration.ofDays(delays.firstReminder()));
            Instant second = end.plus(Duration.ofDays(delays.secondReminder()));
            int rank = within(now, first, second) ? 1 : within(now, second, second.plus(WINDOW)) ? 2 : 0;
            if (rank > 0 && !surveys.questions(dayId).isEmpty()) {
                for (Registration r : surveys.invitable(dayId).toList()) {
                    int k = rank;
                    if (Boolean.TRUE.equals(transaction.execute(s -> remindHot(day, r, k, now)))) {
                        sent++;
                    }
                }
            }
            Instant followUp = end.plus(Duration.ofDays(delays.followUp() + SurveySettings.Delays.FOLLOW_UP_REMINDER));
            if (within(now, followUp, followUp.plus(WINDOW))) {
                for (Questionnaires.Respondent r : questionnaires.respondents(dayId, Phase.COLD)) {
                    if (Boolean.TRUE.equals(transaction.execute(s -> remindFollowUp(day, r, now)))) {
                        sent++;
                    }
                }
            }
        }
        return sent;
    }

    private static boolean within(Instant now, Instant from, Instant until) {
        return !now.isBefore(from) && now.isBefore(until);
    }

    private boolean remindHot(Day day, Registration r, int rank, Instant now) {
        if (surveys.answered(r.id())) {
            return false;
        }
        int inserted = jdbc.sql("""
                INSERT INTO survey_reminder (event_day_id, phase, rank, registration_id, sent_at) VALUES (?, 'HOT', ?, ?, ?)
                ON CONFLICT DO NOTHING""").params(day.id(), rank, r.id(), Timestamp.from(now)).update();
        if (inserted == 0) {
            return false;
        }
        mail.queue(day, r, "survey/mail/reminder");
        return true;
    }

    private boolean remindFollowUp(Day day, Questionnaires.Respondent r, Instant now) {
        if (questionnaires.answered(r.id())) {
            return false;
        }
        int inserted = jdbc.sql("""
                INSERT INTO survey_reminder (event_day_id, phase, rank, respondent_id, sent_at) VALUES (?, 'COLD', 1, ?, ?)
                ON CONFLICT DO NOTHING""").params(day.id(), r.id(), Timestamp.from(now)).update();
        if (inserted == 0) {
            return false;
        }
        questionnaires.mail(day, r, true);
        return true;
    }

    /** The reminders of a session sent, by questionnaire, rank and date (in the session's time zone). */
    List<Sent> sent(long dayId) {
        String zone = days.find(dayId).map(d -> d.zone().getId()).orElse("Europe/Paris");
        return jdbc.sql("""
                SELECT phase, rank, count(*) AS n, (sent_at AT TIME ZONE ?)::date AS d FROM survey_reminder
                WHERE event_day_id = ? GROUP BY phase, rank, d ORDER BY phase DESC, rank, d""")
                .params(zone, dayId)
                .query((rs, n) -> new Sent(Phase.valueOf(rs.getString("phase")), rs.getInt("rank"), rs.getInt("n"),
                        rs.getObject("d", LocalDate.class)))
                .list();
    }
}
