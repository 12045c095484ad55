package io.qswarm.intelligence.api;

/**
 * How sure a table is of one entry's value, in [0, 1), from the evidence behind it. Replaceable: read models and
 * exports take the policy as a parameter.
 */
@FunctionalInterface
public interface ConfidencePolicy {

    double confidence(long visits);

    /**
     * The default: {@code confidence = 1 − 1/(visits + 1)}. Zero for an unvisited entry, 0.5 after one visit, 0.909…
     * after ten; it approaches 1 as evidence grows and never reaches it.
     */
    ConfidencePolicy VISIT_RECIPROCAL = visits -> {
        if (visits < 0) {
            throw new IllegalArgumentException("visits must not be negative, was " + visits);
        }
        return 1.0 - 1.0 / (visits + 1.0);
    };
}
