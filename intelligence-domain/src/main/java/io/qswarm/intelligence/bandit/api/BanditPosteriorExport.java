package io.qswarm.intelligence.bandit.api;

import java.util.List;

/**
 * A policy's definition and posterior at one model version: rebuilding the posterior from {@code statistics} (the
 * prior {@code λI} plus the sum over origins) gives the posterior the policy holds, up to rounding.
 */
public record BanditPosteriorExport(
        BanditPolicyId policyId,
        List<String> actions,
        int dimension,
        double ridge,
        BanditAlgorithm algorithm,
        double explorationScale,
        long modelVersion,
        boolean guardTripped,
        List<OriginStatistics> statistics) {}
