package io.qswarm.federation.api;

/**
 * How the contributions of a participant's sources are combined, entry by entry (state, action). Formulas in
 * {@code docs/federation.md}; {@code w} is an entry's visits (its importance).
 */
public enum AggregationStrategy {
    /** {@code Σ w_i·q_i / Σ w_i}. The default. */
    VISIT_WEIGHTED_MEAN,
    /** The largest value. */
    MAX,
    /** The smallest value. */
    MIN,
    /** The visit-weighted median (the middle of the total weight; the two middle values averaged on a tie). */
    MEDIAN,
    /** Drops the {@code ⌊β·n⌋} lowest and highest values (by count), then the visit-weighted mean of the rest. */
    TRIMMED_MEAN,
    /** Keeps the one source whose knowledge is closest to its {@code n − f − 2} nearest neighbours. */
    KRUM,
    /** Keeps the {@code m} sources with the best Krum scores, then the visit-weighted mean of their knowledge. */
    MULTI_KRUM
}
