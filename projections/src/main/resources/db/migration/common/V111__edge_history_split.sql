-- Edge-score history in two parts (docs/edge-score.md, section 8): the newest ("open") bucket in scalar columns of
-- edge_score, rewritten by every batch that touches the row, and the older ("closed") buckets in edge_history, rewritten
-- only when a bucket closes. Before, every touched row rewrote its whole Base64 history (1,368 characters at the
-- default cap), and the database serialized it again with every page of edge_score it wrote.
ALTER TABLE edge_score ADD COLUMN open_bucket BIGINT;
ALTER TABLE edge_score ADD COLUMN open_t_sum DOUBLE PRECISION;
ALTER TABLE edge_score ADD COLUMN open_x_sum DOUBLE PRECISION;
ALTER TABLE edge_score ADD COLUMN open_n BIGINT;

-- Base64 of big-endian (bucket int64, t_sum float64, x_sum float64, n int64) records, oldest first, as before; a row
-- whose history is only its open bucket has no edge_history row.
CREATE TABLE edge_history (
    table_id VARCHAR(128)   NOT NULL,
    pattern  VARCHAR(512)   NOT NULL,
    category VARCHAR(128)   NOT NULL,
    regime   VARCHAR(512)   NOT NULL,
    history  VARCHAR(45000) NOT NULL,
    PRIMARY KEY (table_id, pattern, category, regime)
);

-- Rows written under V110 keep their whole history here, open bucket included (open_bucket stays null); their next
-- batch splits it.
INSERT INTO edge_history (table_id, pattern, category, regime, history)
SELECT table_id, pattern, category, regime, history FROM edge_score WHERE history <> '';

ALTER TABLE edge_score DROP COLUMN history;
