package org.rencontres.registration;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.rencontres.shared.FrenchTime;
import org.rencontres.shared.RecurringJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The registration module's scheduled jobs, run by the jobs module's scheduler once per due time
 * across all instances.
 */
@Configuration(proxyBeanMethods = false)
class RegistrationJobs {

    static final String EXPIRE_OFFERS = "registration-expire-offers";
    static final String REMINDERS = "registration-reminders";
    static final String APPROVER_REMINDERS = "registration-approver-reminders";
    static final String DIGEST = "registration-organiser-digest";

    private static final Logger log = LoggerFactory.getLogger(RegistrationJobs.class);

    /**
     * Passes expired offers of freed seats on to the next of the waiting list, every
     * {@code rencontres.registration.offer-check-interval} (1 minute by default) after the end of
     * the previous run.
     */
    @Bean
    RecurringTask<Void> expireOffersTask(Registrations registrations, Optional<Clock> clock,
                                         @Value("${rencontres.registration.offer-check-interval:1m}") Duration interval) {
        return RecurringJobs.every(EXPIRE_OFFERS, interval, clock,
                now -> logged(registrations.expireOffers(now), "{} offer(s) of a freed seat expired and passed on"));
    }

    /**
     * Reminds confirmed agents of their day {@code rencontres.registration.reminder-before} before it
     * begins (3 days by default), once each; looks every {@code rencontres.registration.reminder-check-interval}
     * (1 hour by default).
     */
    @Bean
    RecurringTask<Void> remindersTask(RegistrationReminders reminders, Optional<Clock> clock,
                                      @Value("${rencontres.registration.reminder-check-interval:1h}") Duration interval,
                                      @Value("${rencontres.registration.reminder-before:3d}") Duration before) {
        return RecurringJobs.every(REMINDERS, interval, clock,
                now -> logged(reminders.remindDue(now, before), "{} reminder(s) queued"));
    }

    /**
     * Reminds the line managers and training services that have not answered a request within
     * {@code rencontres.registration.approver-reminder-days} (3 by default), once per request and
     * step; looks every {@code rencontres.registration.reminder-check-interval} (1 hour by default).
     */
    @Bean
    RecurringTask<Void> approverRemindersTask(ApproverReminders reminders, Optional<Clock> clock,
                                              @Value("${rencontres.registration.reminder-check-interval:1h}") Duration interval,
                                              @Value("${rencontres.registration.approver-reminder-days:3}") int days) {
        return RecurringJobs.every(APPROVER_REMINDERS, interval, clock,
                now -> logged(reminders.remindDue(now, Duration.ofDays(days)), "{} approver reminder(s) queued"));
    }

    /**
     * The organisers' daily digest, every day at {@code rencontres.registration.digest-time} (07:00,
     * Paris time, by default).
     */
    @Bean
    RecurringTask<Void> organiserDigestTask(OrganiserDigest digest, Optional<Clock> clock,
                                            @Value("${rencontres.registration.digest-time:07:00}") LocalTime at) {
        return RecurringJobs.on(DIGEST, Schedules.daily(FrenchTime.PARIS, at), clock,
                now -> logged(digest.sendDue(now), "{} organiser digest(s) queued"));
    }

    /** Logs how many the run did (offers passed on, e-mails queued), when it did any. */
    private static void logged(int count, String message) {
        if (count > 0) {
            log.info(message, count);
        }
    }
}
