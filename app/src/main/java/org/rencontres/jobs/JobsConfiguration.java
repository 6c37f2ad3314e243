package org.rencontres.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * One db-scheduler {@link Scheduler} per instance, on the application's {@link DataSource}, that
 * runs every {@link Task} bean of the context; tasks that schedule themselves at start-up (recurring
 * tasks) are its start tasks. It starts when the application is ready, so after Flyway created
 * {@code scheduled_tasks}, and stops when the context closes, waiting up to
 * {@code rencontres.jobs.shutdown-wait} for running jobs.
 *
 * <p>db-scheduler takes its own connections and commits them itself. The data source is wrapped in a
 * {@link TransactionAwareDataSourceProxy}, so that a job scheduled through the {@code SchedulerClient}
 * (this scheduler) inside a Spring transaction is saved or lost with that transaction; the scheduler's
 * own polling and bookkeeping never run inside one. A job's code that calls a {@code @Transactional}
 * service gets its own transaction, as from any other thread.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "rencontres.jobs.enabled", havingValue = "true", matchIfMissing = true)
class JobsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(JobsConfiguration.class);

    static final String TABLE = "scheduled_tasks";

    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    Scheduler jobScheduler(DataSource dataSource, ObjectProvider<Task<?>> taskBeans, JobsProperties properties) {
        List<Task<?>> known = new ArrayList<>();
        List<Task<?>> startTasks = new ArrayList<>();
        taskBeans.orderedStream().forEach(task -> (task instanceof OnStartup ? startTasks : known).add(task));
        String name = instanceName();
        log.info("Job scheduler {}: tasks {}, polling every {}", name,
                Stream.concat(startTasks.stream(), known.stream()).map(Task::getName).toList(),
                properties.pollingInterval());
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), known)
                // Each of them is known to the scheduler too, and schedules itself when the scheduler starts.
                .startTasks((List) startTasks)
                .tableName(TABLE)
                .schedulerName(new SchedulerName.Fixed(name))
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .shutdownMaxWait(properties.shutdownWait())
                .build();
    }

    @Bean
    JobSchedulerLifecycle jobSchedulerLifecycle(Scheduler jobScheduler, ApplicationContext context) {
        return new JobSchedulerLifecycle(jobScheduler, context);
    }

    /** This instance's name in {@code scheduled_tasks.picked_by}: the host and a random id. */
    static String instanceName() {
        return new SchedulerName.Hostname().getName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Starts the scheduler once the application is ready and stops it when its own context closes
     * (not a child's, such as a separate management context).
     */
    static final class JobSchedulerLifecycle {

        private final Scheduler scheduler;
        private final ApplicationContext context;
        private boolean started;

        JobSchedulerLifecycle(Scheduler scheduler, ApplicationContext context) {
            this.scheduler = scheduler;
            this.context = context;
        }

        @EventListener
        synchronized void ready(ApplicationReadyEvent event) {
            if (event.getApplicationContext() == context && !started) {
                scheduler.start();
                started = true;
            }
        }

        @EventListener
        synchronized void closed(ContextClosedEvent event) {
            if (event.getApplicationContext() == context && started) {
                started = false;
                scheduler.stop();
            }
        }
    }
}
