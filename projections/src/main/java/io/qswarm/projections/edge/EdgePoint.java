package io.qswarm.projections.edge;

/** One point of a pattern's edge history: the mean realized signal {@code edge} around clock time {@code t}. */
record EdgePoint(double t, double edge) {}
