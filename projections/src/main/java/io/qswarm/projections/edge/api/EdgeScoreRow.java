package io.qswarm.projections.edge.api;

import java.time.Instant;

/**
 * The edge of one pattern for one action category in one regime.
 *
 * @param samples occurrences seen ({@code n})
 * @param positives occurrences with a positive signal
 * @param negatives occurrences with a negative signal
 * @param rawEdge the EWMA of the realized signal
 * @param multipliers recurrence, coherence, time efficiency and half-life multipliers, each in [0.5, 1]
 * @param halfLife the decay fit behind the half-life multiplier
 * @param score {@code rawEdge × Π multiplier^weight} with the regime's weights at the last update
 * @param firstUpdateAt event time of the first occurrence
 * @param lastUpdateAt event time of the latest occurrence
 */
public record EdgeScoreRow(
        String pattern,
        String category,
        String regime,
        long samples,
        long positives,
        long negatives,
        double rawEdge,
        MultiplierVector multipliers,
        HalfLifeEstimate halfLife,
        double score,
        Instant firstUpdateAt,
        Instant lastUpdateAt) {}
