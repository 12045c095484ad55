package io.qswarm.projections.edge.api;

/**
 * The multiplier weights one (regime signature, action category) uses, and the evidence behind them.
 *
 * @param samples how many (multipliers, realized edge) samples the regime has seen
 * @param confidence {@code max(0, 1 − minSamples / samples)}: 0 up to the minimum, 0.5 at twice it, → 1
 * @param fallback true while {@code samples < minSamples}: the defaults are used unchanged
 * @param correlations Pearson correlation of each multiplier with the realized edge that followed it
 * @param learned weights proportional to each correlation's part above its noise level {@code z/√samples}, scaled
 *     to the defaults' sum; the defaults when no correlation clears it
 * @param effective {@code defaults + confidence·(learned − defaults)}: what the score uses
 */
public record LearnedWeights(
        long samples,
        double confidence,
        boolean fallback,
        MultiplierVector correlations,
        MultiplierVector learned,
        MultiplierVector effective) {}
