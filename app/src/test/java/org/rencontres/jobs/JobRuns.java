package org.rencontres.jobs;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The jobs module's test fixture for other modules' tests: whether a recurring task has run, as the scheduler
 * records it, without knowing the scheduler's table.
 */
public final class JobRuns {

    private JobRuns() {
    }

    /** Whether the task named {@code taskName} has completed at least once. */
    public static boolean succeeded(JdbcClient jdbc, String taskName) {
        return jdbc.sql("SELECT last_success IS NOT NULL FROM " + JobsConfiguration.TABLE + " WHERE task_name = ?")
                .param(taskName).query(Boolean.class).optional().orElse(false);
    }
}
