package org.rencontres.survey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.Day;
import org.rencontres.event.Days;
import org.rencontres.notification.Mailer;
import org.rencontres.registration.Registration;
import org.rencontres.registration.SpaceLinks;
import org.rencontres.shared.PublicAddress;
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
    private final Days days;
    private final Mailer mailer;
    private final PublicAddress address;
    private final TransactionTemplate transaction;
    private final SpaceLinks spaceLinks;

    @Bean
    RecurringTask<Void> surveyInvitationsTask(Optional<Clock> clock,
                                              @Value("${rencontres.survey.invitation-check-interval:30m}") Duration every) {
        Clock time = clock.orElse(Clock.systemUTC());
        return Tasks.recurring("survey-invitations", FixedDelay.of(every))
                .execute((instance, context) -> sendDue(time.instant()));
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
        List<Long> dayIds = jdbc.sql("SELECT DISTINCT event_day_id FROM survey_question ORDER BY 1").query(Long.class).list();
        for (long dayId : dayIds) {
            Optional<Day> day = days.find(dayId);
            if (day.isEmpty()) {
                continue;
            }
            // A session of several days is evaluated as a whole: after its last day's end.
            Instant end = day.get().days().end().toInstant();
            if (end.isAfter(now) || end.plus(WINDOW).isBefore(now)) {
                continue;
            }
            for (Registration r : surveys.invitable(dayId).toList()) {
                if (Boolean.TRUE.equals(transaction.execute(s -> invite(day.get(), r)))) {
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
        String token = surveys.keyOf(r).orElseThrow();
        Map<String, Object> v = new HashMap<>();
        v.put("name", r.givenName() + " " + r.surname());
        v.put("title", day.fullTitle());
        v.put("link", address.of("/evaluation/" + token));
        // Every e-mail to an agent links their space (issue 16).
        v.put("space", spaceLinks.of(r));
        mailer.queue(day.id(), r.email(), "survey/mail/invitation", Locale.forLanguageTag(r.language()), v);
        return true;
    }
}
