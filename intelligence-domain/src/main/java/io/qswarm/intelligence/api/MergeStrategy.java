package io.qswarm.intelligence.api;

/** How a peer's value for an entry is combined with the local one. See {@code docs/formulas.md}. */
public enum MergeStrategy {
    /** {@code q = (q_l·v_l + q_p·v_new) / (v_l + v_new)}, with {@code v_new} the peer's experiences not yet counted. */
    VISIT_WEIGHTED_MEAN,
    /** The larger of the two values, when the peer brings new experience. */
    MAX,
    /** The smaller of the two values, when the peer brings new experience. */
    MIN
}
