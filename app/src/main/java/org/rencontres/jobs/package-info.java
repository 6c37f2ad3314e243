/**
 * Scheduled jobs that run once per due time whatever the number of application instances: one
 * db-scheduler {@code Scheduler} on the application's PostgreSQL (table {@code scheduled_tasks})
 * runs every db-scheduler {@code Task} bean that the modules declare. A module declares a job as a
 * bean ({@code Tasks.recurring(…)}) and needs nothing of this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Jobs")
package org.rencontres.jobs;
