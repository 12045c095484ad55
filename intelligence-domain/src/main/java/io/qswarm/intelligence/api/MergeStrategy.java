package io.qswarm.intelligence.api;

/** How a peer's value for an entry is combined with the local one. See {@code docs/formulas.md}. */
public enum MergeStrategy {
    /** {@code q = (q_l·v_l + q_p·v_new) / (v_l + v_new)}, with {@code v_new} the peer's experiences not yet counted. */
    VISIT_WEIGHTED_MEAN,
    /** The larger of the two values, when the peer brings new experience. */
    MAX,
    /** The smaller of the two values, when the peer brings new experience. */
    MIN,
    /**
     * {@code q = q_l + (1 − (1 − α)^v_new)·(q_p − q_l)}, with {@code α} the table's learning rate: as if the table had
     * applied the peer's {@code v_new} new experiences at its own learning rate (with {@code α = 1}: the peer's value).
     * For flat tables only; a value function's parameters refuse it (ADR 0014).
     */
    LEARNING_RATE
}
