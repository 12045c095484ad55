package io.qswarm.projections.edge.api;

/** How a page of edge scores is ordered; ties are broken by pattern, category and regime. */
public enum EdgeScoreOrder {
    /** Highest score first: the strongest positive edges. */
    SCORE_DESC,
    /** Lowest score first: the strongest negative edges. */
    SCORE_ASC,
    /** Largest |score| first, whatever the sign. */
    ABS_SCORE_DESC,
    /** Most samples first. */
    SAMPLES_DESC,
    /** Most recently updated first. */
    RECENT
}
