-- Read model of the edge-score projection (docs/edge-score.md). Plain SQL that H2 and PostgreSQL both accept.

-- One row per table: the idempotency guard, the discount the TD signal needs and the projection's episode clock.
CREATE TABLE edge_table (
    table_id      VARCHAR(128)     NOT NULL PRIMARY KEY,
    gamma         DOUBLE PRECISION NOT NULL,
    episode_clock BIGINT           NOT NULL,
    last_sequence BIGINT           NOT NULL,
    last_event_at TIMESTAMP WITH TIME ZONE
);

-- The category of each declared action (the action's own name when it declares none).
CREATE TABLE edge_action_category (
    table_id VARCHAR(128) NOT NULL,
    action   VARCHAR(128) NOT NULL,
    category VARCHAR(128) NOT NULL,
    PRIMARY KEY (table_id, action)
);

-- One row per (table, pattern, action category, regime signature); regime '' = unscoped. Rows are read and
-- written whole, history included, so a batch costs one read and one write per touched row.
CREATE TABLE edge_score (
    table_id         VARCHAR(128)     NOT NULL,
    pattern          VARCHAR(512)     NOT NULL,
    category         VARCHAR(128)     NOT NULL,
    regime           VARCHAR(512)     NOT NULL,
    samples          BIGINT           NOT NULL,
    positives        BIGINT           NOT NULL,
    negatives        BIGINT           NOT NULL,
    raw_edge         DOUBLE PRECISION NOT NULL,
    signal_sum       DOUBLE PRECISION NOT NULL,
    first_t          DOUBLE PRECISION NOT NULL,
    last_t           DOUBLE PRECISION NOT NULL,
    m_recurrence     DOUBLE PRECISION NOT NULL,
    m_coherence      DOUBLE PRECISION NOT NULL,
    m_time           DOUBLE PRECISION NOT NULL,
    m_half_life      DOUBLE PRECISION NOT NULL,
    half_life_status VARCHAR(16)      NOT NULL,
    half_life        DOUBLE PRECISION,
    decay_rate       DOUBLE PRECISION,
    edge_at_birth    DOUBLE PRECISION,
    fit_points       INT              NOT NULL,
    score            DOUBLE PRECISION NOT NULL,
    -- the capped edge history: Base64 of big-endian (bucket int64, t_sum float64, x_sum float64, n int64) records,
    -- oldest first (1,368 characters at the default cap of 32; 43,692 at the largest, 1,024)
    history          VARCHAR(45000)   NOT NULL,
    first_update_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_update_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (table_id, pattern, category, regime)
);

-- Pages by score and the patterns of a group with the most samples come straight off these indexes (the queries
-- order by every index column, table_id first, so H2 reads them index-sorted too).
CREATE INDEX edge_score_by_score ON edge_score (table_id, score DESC, pattern, category, regime);
CREATE INDEX edge_score_by_group ON edge_score (table_id, category, regime, samples DESC, pattern);

-- Per (table, regime signature, action category): how many edge_score rows it has, and the running co-moments of
-- each multiplier with the realized edge, from which the regime-specific weights are derived.
CREATE TABLE edge_regime_stats (
    table_id       VARCHAR(128)     NOT NULL,
    regime         VARCHAR(512)     NOT NULL,
    category       VARCHAR(128)     NOT NULL,
    pattern_rows   BIGINT           NOT NULL,
    samples        BIGINT           NOT NULL,
    mean_z         DOUBLE PRECISION NOT NULL,
    m2_z           DOUBLE PRECISION NOT NULL,
    mean_rec       DOUBLE PRECISION NOT NULL,
    mean_coh       DOUBLE PRECISION NOT NULL,
    mean_time      DOUBLE PRECISION NOT NULL,
    mean_hl        DOUBLE PRECISION NOT NULL,
    m2_rec         DOUBLE PRECISION NOT NULL,
    m2_coh         DOUBLE PRECISION NOT NULL,
    m2_time        DOUBLE PRECISION NOT NULL,
    m2_hl          DOUBLE PRECISION NOT NULL,
    co_rec         DOUBLE PRECISION NOT NULL,
    co_coh         DOUBLE PRECISION NOT NULL,
    co_time        DOUBLE PRECISION NOT NULL,
    co_hl          DOUBLE PRECISION NOT NULL,
    last_update_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (table_id, regime, category)
);
