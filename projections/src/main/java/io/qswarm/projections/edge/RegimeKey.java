package io.qswarm.projections.edge;

/** Identifies the weight statistics of one (regime signature, action category) of a table. */
record RegimeKey(String regime, String category) {}
