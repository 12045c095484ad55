-- Read model of the merge-history projection: one row per merge a table recorded.
CREATE TABLE merge_history (
    table_id          VARCHAR(128)     NOT NULL,
    sequence_number   BIGINT           NOT NULL,
    peer              VARCHAR(128)     NOT NULL,
    round_id          VARCHAR(128),
    strategy          VARCHAR(32)      NOT NULL,
    added             INT              NOT NULL,
    updated           INT              NOT NULL,
    unchanged         INT              NOT NULL,
    rejected          INT              NOT NULL,
    divergence_before DOUBLE PRECISION,
    divergence_after  DOUBLE PRECISION,
    merged_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (table_id, sequence_number)
);
