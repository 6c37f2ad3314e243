package org.rencontres.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the job scheduler.
 *
 * @param enabled whether this instance runs jobs (with {@code false} it runs none; other instances still do)
 * @param pollingInterval how often this instance looks for due jobs in {@code scheduled_tasks}
 * @param threads how many jobs this instance runs at once
 * @param shutdownWait how long a stopping instance waits for its running jobs to finish
 */
@ConfigurationProperties("rencontres.jobs")
record JobsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10s") Duration pollingInterval,
        @DefaultValue("2") int threads,
        @DefaultValue("30s") Duration shutdownWait) {

    public JobsProperties {
        if (pollingInterval.isNegative() || pollingInterval.isZero()) {
            throw new IllegalArgumentException("rencontres.jobs.polling-interval must be positive");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("rencontres.jobs.threads must be at least 1");
        }
    }
}
