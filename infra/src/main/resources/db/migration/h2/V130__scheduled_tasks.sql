-- Persistent deadlines (io.qswarm.infra.deadline): db-scheduler's table, in the layout db-scheduler 16.6 reads and
-- writes. One row per scheduled deadline; Axon's DbSchedulerDeadlineManager deletes it when the deadline fires or is
-- cancelled. task_data holds the Java-serialized Axon deadline record (read back through an allow-list).

CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100)                NOT NULL,
    task_instance        VARCHAR(100)                NOT NULL,
    task_data            BLOB,
    execution_time       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                     NOT NULL,
    picked_by            VARCHAR(50),
    last_success         TIMESTAMP(6) WITH TIME ZONE,
    last_failure         TIMESTAMP(6) WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP(6) WITH TIME ZONE,
    version              BIGINT                      NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX idx_scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX idx_scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX idx_scheduled_tasks_priority ON scheduled_tasks (priority DESC, execution_time ASC);
