-- Jobs (module jobs): the table of db-scheduler 16.x, where every scheduled execution lives.
-- One row per task instance (a recurring task has one, named 'recurring'); an instance runs a due
-- row only after taking it with an UPDATE on (task_name, task_instance, version), so one instance
-- runs it, whatever the number of instances. Columns as db-scheduler's PostgreSQL schema expects.
CREATE TABLE scheduled_tasks (
    task_name            text                     NOT NULL,
    task_instance        text                     NOT NULL,
    task_data            bytea,
    execution_time       timestamp with time zone NOT NULL,
    picked               boolean                  NOT NULL,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);

-- Due executions are polled by execution time (and by priority first when priorities are enabled).
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
-- Dead executions (an instance died while running one) are found by their last heartbeat.
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
