package org.rencontres.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daily purge ({@code privacy-purge}), a db-scheduler recurring task, so that it runs once a day on one
 * instance, at {@code rencontres.privacy.purge-time} (Paris time, 03:00 by default, when nobody signs). It can
 * be turned off ({@code rencontres.privacy.purge-enabled=false}: the tests do, whose shared database holds
 * the demo's past session).
 */
@Configuration(proxyBeanMethods = false)
class PurgeSchedule {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private final LocalTime time;
    private final Clock clock;

    PurgeSchedule(@Value("${rencontres.privacy.purge-time:03:00}") LocalTime time, Optional<Clock> clock) {
        this.time = time;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Bean
    @ConditionalOnProperty(name = "rencontres.privacy.purge-enabled", havingValue = "true", matchIfMissing = true)
    RecurringTask<Void> privacyPurgeTask(Retention retention) {
        return Tasks.recurring("privacy-purge", new Daily(ZONE, time))
                .execute((instance, context) -> retention.run(clock.instant(), null, "purge quotidienne"));
    }

    /** The instant of the next daily run after that one. */
    Instant nextRun(Instant after) {
        ZonedDateTime today = after.atZone(ZONE).with(time);
        return (today.toInstant().isAfter(after) ? today : today.plusDays(1).with(time)).toInstant();
    }

    Instant now() {
        return clock.instant();
    }
}
