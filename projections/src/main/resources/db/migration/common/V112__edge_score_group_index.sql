-- The top patterns of a (category, regime) group (pattern orthogonalization, at query time) used to come off an index
-- ending in samples DESC, pattern; samples change with every batch that touches a row, so every row write also
-- rewrote its entry in that index. The narrower index below holds only columns of the primary key, which never
-- change: writes leave it alone, and the factor query sorts one group's rows by samples itself (ADR 0013).
DROP INDEX edge_score_by_group;
CREATE INDEX edge_score_by_group_key ON edge_score (table_id, category, regime);
