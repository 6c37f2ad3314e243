package org.rencontres.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two db-scheduler instances (two "application instances") on one database, each with the same
 * recurring task and several threads, polling often: every due time of the task runs exactly once,
 * never twice, never two runs at once. The table is a copy of {@code scheduled_tasks} (same
 * columns and indexes, from V15), so the application's own scheduler never sees this test's task.
 */
@RencontresIntegrationTest
class TwoSchedulersTest {

    private static final String TABLE = "scheduled_tasks_two_schedulers";
    private static final String TASK = "test-counting";

    /** One run: the due time it ran for and the instance that ran it. */
    private record Run(Instant executionTime, String instance) {
    }

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    private final Queue<Run> runs = new ConcurrentLinkedQueue<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    @BeforeEach
    void table() {
        jdbc.sql("DROP TABLE IF EXISTS " + TABLE).update();
        jdbc.sql("CREATE TABLE " + TABLE + " (LIKE " + JobsConfiguration.TABLE + " INCLUDING ALL)").update();
    }

    @AfterEach
    void dropTable() {
        jdbc.sql("DROP TABLE IF EXISTS " + TABLE).update();
    }

    @Test
    void each_due_time_of_a_recurring_task_runs_on_one_instance_only() {
        Scheduler first = scheduler("instance-a");
        Scheduler second = scheduler("instance-b");
        try {
            first.start();
            second.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> runs.size() >= 25);
        } finally {
            first.stop();
            second.stop();
        }

        List<Run> all = List.copyOf(runs);
        Map<Instant, Long> runsPerDueTime = all.stream()
                .collect(Collectors.groupingBy(Run::executionTime, Collectors.counting()));
        assertThat(runsPerDueTime.values()).as("runs of each due time").allMatch(n -> n == 1);
        assertThat(all).hasSize(runsPerDueTime.size());
        assertThat(mostAtOnce.get()).as("runs at the same moment").isEqualTo(1);
        // One row in the table for the task, whichever instance last ran it.
        assertThat(jdbc.sql("SELECT count(*) FROM " + TABLE + " WHERE task_name = ?").param(TASK)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(new HashSet<>(all.stream().map(Run::instance).toList()))
                .isSubsetOf("instance-a", "instance-b");
    }

    private Scheduler scheduler(String name) {
        RecurringTask<Void> counting = Tasks.recurring(TASK, FixedDelay.ofMillis(100))
                .execute((instance, context) -> {
                    int now = running.incrementAndGet();
                    mostAtOnce.accumulateAndGet(now, Math::max);
                    try {
                        runs.add(new Run(context.getExecution().executionTime, name));
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        running.decrementAndGet();
                    }
                });
        return Scheduler.create(dataSource)
                .startTasks(counting)
                .tableName(TABLE)
                .schedulerName(new SchedulerName.Fixed(name))
                .threads(4)
                .pollingInterval(Duration.ofMillis(50))
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
    }
}
