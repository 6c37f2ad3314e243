package org.rencontres.registration;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.rencontres.shared.FrenchTime;
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
        Clock time = clock.orElse(Clock.systemUTC());
        return Tasks.recurring(EXPIRE_OFFERS, FixedDelay.of(interval))
                .execute((instance, context) -> {
                    int expired = registrations.expireOffers(time.instant());
                    if (expired > 0) {
                        log.info("{} offer(s) of a freed seat expired and passed on", expired);
                    }
                });
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
        Clock time = clock.orElse(Clock.systemUTC());
        return Tasks.recurring(REMINDERS, FixedDelay.of(interval))
                .execute((instance, context) -> {
                    int sent = reminders.remindDue(time.instant(), before);
                    if (sent > 0) {
                        log.info("{} reminder(s) queued", sent);
                    }
                });
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
        Clock time = clock.orElse(Clock.systemUTC());
        return Tasks.recurring(APPROVER_REMINDERS, FixedDelay.of(interval))
                .execute((instance, context) -> {
                    int sent = reminders.remindDue(time.instant(), Duration.ofDays(days));
                    if (sent > 0) {
                        log.info("{} approver reminder(s) queued", sent);
                    }
                });
    }

    /**
     * The organisers' daily digest, every day at {@code rencontres.registration.digest-time} (07:00,
     * Paris time, by default).
     */
    @Bean
    RecurringTask<Void> organiserDigestTask(OrganiserDigest digest, Optional<Clock> clock,
                                            @Value("${rencontres.registration.digest-time:07:00}") LocalTime at) {
        Clock time = clock.orElse(Clock.systemUTC());
        return Tasks.recurring(DIGEST, Schedules.daily(FrenchTime.PARIS, at))
                .execute((instance, context) -> {
                    int sent = digest.sendDue(time.instant());
                    if (sent > 0) {
                        log.info("{} organiser digest(s) queued", sent);
                    }
                });
    }
}
