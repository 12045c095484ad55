package io.qswarm.projections.edge.api;

/**
 * One pattern inside a latent factor.
 *
 * @param correlation Pearson correlation of its outcome series with the representative's over their common buckets
 *     (1 for the representative itself); null when they share fewer than the minimum overlap or a series is constant
 * @param overlap how many time buckets the two series share
 * @param redundant true when this is not the representative and {@code |correlation| ≥ threshold}: the factor's
 *     representative already explains it
 */
public record FactorMember(
        String pattern, long samples, double score, Double correlation, int overlap, boolean redundant) {}
