package io.qswarm.projections.edge;

import io.qswarm.intelligence.api.Checks;

/**
 * The raw edge: an exponentially weighted moving average of a pattern's realized signal. The first observation
 * starts the average; each later one moves it by the rate:
 *
 * <pre>
 * e₁ = x₁
 * eₙ = eₙ₋₁ + η·(xₙ − eₙ₋₁)        η = rate ∈ (0, 1]
 * </pre>
 */
record Ewma(double rate) {

    Ewma {
        Checks.finite("ewma rate", rate);
        if (rate <= 0 || rate > 1) {
            throw new IllegalArgumentException("ewma rate must be in (0, 1], was " + rate);
        }
    }

    /** The average after observing {@code x}, given the average over the {@code seen} observations before it. */
    double next(double previous, long seen, double x) {
        return seen == 0 ? x : previous + rate * (x - previous);
    }
}
