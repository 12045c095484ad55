package io.qswarm.projections.edge.api;

/** What the decay fit of a pattern's edge history found. */
public enum HalfLifeStatus {
    /** Too few usable points (same sign as the current edge, non-zero, distinct times) to fit a curve. */
    UNKNOWN,
    /** The edge decays: {@code λ > 0}, half-life {@code ln 2 / λ}. */
    DECAYING,
    /** The edge holds or grows: {@code λ ≤ 0}, half-life infinite. */
    NOT_DECAYING
}
