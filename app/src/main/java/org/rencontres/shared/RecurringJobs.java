package org.rencontres.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;

/**
 * The modules' recurring db-scheduler jobs that run again a fixed delay after the end of their last run,
 * or on a schedule (see the jobs module), written once: the job reads the time from the injected clock, the system's UTC
 * clock when none is.
 */
public final class RecurringJobs {

    private RecurringJobs() {
    }

    /** A job of that name, run every {@code every} with the instant of the clock. */
    public static RecurringTask<Void> every(String name, Duration every, Optional<Clock> clock, Consumer<Instant> run) {
        return on(name, FixedDelay.of(every), clock, run);
    }

    /** A job of that name, run on that schedule (a daily one…) with the instant of the clock. */
    public static RecurringTask<Void> on(String name, Schedule schedule, Optional<Clock> clock, Consumer<Instant> run) {
        Clock time = clock.orElse(Clock.systemUTC());
        return Tasks.recurring(name, schedule)
                .execute((instance, context) -> run.accept(time.instant()));
    }
}
