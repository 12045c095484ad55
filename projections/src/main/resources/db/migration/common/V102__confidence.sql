-- Read model of the confidence projection.
-- One row per table with running totals, one per known state, one per learned (state, action) entry.
CREATE TABLE confidence_table (
    table_id        VARCHAR(128)     NOT NULL PRIMARY KEY,
    action_count    INT              NOT NULL,
    known_states    BIGINT           NOT NULL,
    visited_entries BIGINT           NOT NULL,
    confidence_sum  DOUBLE PRECISION NOT NULL,
    successes       BIGINT           NOT NULL,
    failures        BIGINT           NOT NULL,
    h0 BIGINT NOT NULL, h1 BIGINT NOT NULL, h2 BIGINT NOT NULL, h3 BIGINT NOT NULL, h4 BIGINT NOT NULL,
    h5 BIGINT NOT NULL, h6 BIGINT NOT NULL, h7 BIGINT NOT NULL, h8 BIGINT NOT NULL, h9 BIGINT NOT NULL,
    last_sequence   BIGINT           NOT NULL,
    last_update_at  TIMESTAMP WITH TIME ZONE
);

CREATE TABLE confidence_state (
    table_id         VARCHAR(128)     NOT NULL,
    state            VARCHAR(512)     NOT NULL,
    visited_actions  INT              NOT NULL,
    confidence_sum   DOUBLE PRECISION NOT NULL,
    state_confidence DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (table_id, state)
);
CREATE INDEX confidence_state_least ON confidence_state (table_id, state_confidence, state);

CREATE TABLE confidence_entry (
    table_id       VARCHAR(128)     NOT NULL,
    state          VARCHAR(512)     NOT NULL,
    action         VARCHAR(128)     NOT NULL,
    q              DOUBLE PRECISION NOT NULL,
    visits         BIGINT           NOT NULL,
    confidence     DOUBLE PRECISION NOT NULL,
    successes      BIGINT           NOT NULL,
    failures       BIGINT           NOT NULL,
    last_update_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (table_id, state, action)
);
CREATE INDEX confidence_entry_by_confidence ON confidence_entry (table_id, confidence, state, action);
