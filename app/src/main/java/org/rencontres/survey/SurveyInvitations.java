package org.rencontres.survey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.Day;
import org.rencontres.registration.Registration;
import org.rencontres.shared.RecurringJobs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the survey at the end of the session: once its last day is over (and for two days after), every
 * confirmed agent present at least one half-day who has not answered gets one e-mail with the link to the
 * form (a confirmed no-show gets none), through the
 * outbox; a recurring db-scheduler job ({@code survey-invitations}) runs it on one instance at a time.
 */
@Configuration(proxyBeanMethods = false)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SurveyInvitations {

    /** Invitations go out until this long after the end of the day. */
    static final Duration WINDOW = Duration.ofDays(2);

    private final JdbcClient jdbc;
    private final Surveys surveys;
    private final HotSurveyMail mail;
    private final TransactionTemplate transaction;

    @Bean
    RecurringTask<Void> surveyInvitationsTask(Optional<Clock> clock,
                                              @Value("${rencontres.survey.invitation-check-interval:30m}") Duration every) {
        return RecurringJobs.every("survey-invitations", every, clock, this::sendDue);
    }

    /**
     * Invites, once each, the confirmed agents present at least one half-day of the sessions with questions
     * whose last day ended before
     * {@code now} and less than {@link #WINDOW} ago.
     *
     * @return how many e-mails were queued
     */
    int sendDue(Instant now) {
        int sent = 0;
        for (Day day : mail.daysWithQuestions()) {
            // A session of several days is evaluated as a whole: after its last day's end.
            Instant end = day.days().end().toInstant();
            if (end.isAfter(now) || end.plus(WINDOW).isBefore(now)) {
                continue;
            }
            for (Registration r : surveys.invitable(day.id()).toList()) {
                if (Boolean.TRUE.equals(transaction.execute(s -> invite(day, r)))) {
                    sent++;
                }
            }
        }
        return sent;
    }

    /** One invitation in one transaction: the row that says it was sent, and the e-mail. */
    private boolean invite(Day day, Registration r) {
        int inserted = jdbc.sql("""
                INSERT INTO survey_invitation (registration_id, event_day_id) VALUES (?, ?)
                ON CONFLICT (registration_id) DO NOTHING""").params(r.id(), day.id()).update();
        if (inserted == 0 || surveys.answered(r.id())) {
            return false;
        }
        mail.queue(day, r, "survey/mail/invitation");
        return true;
    }
}
