package io.qswarm.projections.edge;

import io.qswarm.projections.edge.api.LearnedWeights;
import io.qswarm.projections.edge.api.MultiplierVector;

/**
 * Regime-specific multiplier weights (v5.1). A multiplier earns weight in a regime when patterns it rated higher went
 * on to realize more of their predicted edge there. With {@code ρ_k} from {@link RegimeStatistics}, the defaults
 * {@code d} (sum {@code W}), {@code n} samples and the significance {@code z}:
 *
 * <pre>
 * ρ*_k       = max(0, ρ_k − z/√n)                    the part of ρ_k above its noise level (1/√n is its standard error)
 * learned_k  = W·ρ*_k / Σ_j ρ*_j                      (= d when no ρ* is positive)
 * confidence = max(0, 1 − n_min / n)
 * effective  = d                                      when n &lt; n_min (fallback)
 *            = d + confidence·(learned − d)           otherwise
 * </pre>
 *
 * A correlation that noise could explain earns nothing, so a regime whose multipliers predict nothing keeps the
 * defaults however many samples it has. The confidence rises continuously from 0 at {@code n_min}, so the weights
 * never jump when a regime crosses the minimum.
 */
record WeightLearning(MultiplierVector defaults, int minSamples, double z) {

    WeightLearning {
        for (double w : defaults.toArray()) {
            if (w < 0) {
                throw new IllegalArgumentException("default weights must not be negative, were " + defaults);
            }
        }
        if (defaults.sum() <= 0) {
            throw new IllegalArgumentException("default weights must not all be 0");
        }
        if (minSamples < 1) {
            throw new IllegalArgumentException("minimum regime samples must be at least 1, was " + minSamples);
        }
        io.qswarm.intelligence.api.Checks.finite("correlation z", z);
        if (z < 0) {
            throw new IllegalArgumentException("correlation z must not be negative, was " + z);
        }
    }

    LearnedWeights weights(RegimeStatistics statistics) {
        long n = statistics.samples();
        MultiplierVector correlations = statistics.correlations();
        MultiplierVector learned = learned(correlations, n);
        boolean fallback = n < minSamples;
        double confidence = fallback ? 0.0 : 1.0 - (double) minSamples / n;
        double[] d = defaults.toArray();
        double[] l = learned.toArray();
        double[] effective = new double[d.length];
        for (int k = 0; k < d.length; k++) {
            effective[k] = d[k] + confidence * (l[k] - d[k]);
        }
        return new LearnedWeights(n, confidence, fallback, correlations, learned, MultiplierVector.of(effective));
    }

    MultiplierVector learned(MultiplierVector correlations, long samples) {
        if (samples < 1) {
            return defaults;
        }
        double noise = z / Math.sqrt(samples);
        double[] significant = correlations.toArray();
        double positive = 0;
        for (int k = 0; k < significant.length; k++) {
            significant[k] = Math.max(0, significant[k] - noise);
            positive += significant[k];
        }
        if (positive <= 0) {
            return defaults;
        }
        double total = defaults.sum();
        double[] w = new double[significant.length];
        for (int k = 0; k < significant.length; k++) {
            w[k] = total * significant[k] / positive;
        }
        return MultiplierVector.of(w);
    }
}
