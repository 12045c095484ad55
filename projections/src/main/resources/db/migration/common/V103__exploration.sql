-- Read model of the exploration projection: current epsilon and schedule per table, and a downsampled timeline.
CREATE TABLE exploration_table (
    table_id       VARCHAR(128)     NOT NULL PRIMARY KEY,
    epsilon        DOUBLE PRECISION NOT NULL,
    schedule_kind  VARCHAR(32)      NOT NULL,
    schedule_start DOUBLE PRECISION NOT NULL,
    schedule_end   DOUBLE PRECISION NOT NULL,
    schedule_rate  DOUBLE PRECISION NOT NULL,
    schedule_steps BIGINT           NOT NULL,
    episodes       BIGINT           NOT NULL,
    updates        BIGINT           NOT NULL,
    batches        BIGINT           NOT NULL,
    stride         BIGINT           NOT NULL,
    points         INT              NOT NULL,
    last_sequence  BIGINT           NOT NULL,
    last_update_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One point per stride-th event; schedule changes are always kept.
CREATE TABLE exploration_point (
    table_id        VARCHAR(128)     NOT NULL,
    batch           BIGINT           NOT NULL,
    episodes        BIGINT           NOT NULL,
    updates         BIGINT           NOT NULL,
    epsilon         DOUBLE PRECISION NOT NULL,
    schedule_change BOOLEAN          NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (table_id, batch)
);
