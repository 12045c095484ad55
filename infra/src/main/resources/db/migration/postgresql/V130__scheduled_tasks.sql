-- Persistent deadlines (io.qswarm.infra.deadline) on PostgreSQL: db-scheduler's table in the layout db-scheduler 16.6
-- reads and writes (its postgresql_tables.sql). Several nodes poll the same table; a row is picked by one of them
-- (an optimistic update of picked/version, or SELECT ... FOR UPDATE SKIP LOCKED), so each deadline fires once in the
-- cluster.

CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX idx_scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX idx_scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX idx_scheduled_tasks_priority ON scheduled_tasks (priority DESC, execution_time ASC);
