package io.qswarm.projections.edge;

import java.util.NavigableMap;

/** A pattern's outcome series: the mean realized signal per time bucket, with the pattern's sample count and score. */
record PatternSeries(String pattern, long samples, double score, NavigableMap<Long, Double> outcomes) {}
