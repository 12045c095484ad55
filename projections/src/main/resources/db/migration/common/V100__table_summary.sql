-- Read model of the table-summary projection: one row per table and one per learned entry.
CREATE TABLE table_summary (
    table_id         VARCHAR(128)     NOT NULL PRIMARY KEY,
    agent_id         VARCHAR(128)     NOT NULL,
    actions_json     VARCHAR(100000)  NOT NULL,
    rule             VARCHAR(32)      NOT NULL,
    alpha            DOUBLE PRECISION NOT NULL,
    gamma            DOUBLE PRECISION NOT NULL,
    exploration_json VARCHAR(1000)    NOT NULL,
    epsilon          DOUBLE PRECISION NOT NULL,
    episodes         BIGINT           NOT NULL,
    updates          BIGINT           NOT NULL,
    merges           BIGINT           NOT NULL,
    last_sequence    BIGINT           NOT NULL,
    last_event_at    TIMESTAMP WITH TIME ZONE
);

CREATE TABLE table_entry (
    table_id         VARCHAR(128)     NOT NULL,
    state            VARCHAR(512)     NOT NULL,
    action           VARCHAR(128)     NOT NULL,
    action_index     INT              NOT NULL,
    q                DOUBLE PRECISION NOT NULL,
    visits           BIGINT           NOT NULL,
    own_visits       BIGINT           NOT NULL,
    peer_visits_json VARCHAR(100000)  NOT NULL,
    confidence       DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (table_id, state, action)
);
