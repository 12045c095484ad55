package io.qswarm.projections.edge;

/** Identifies one edge-score row of a table. */
record EdgeKey(String pattern, String category, String regime) {}
