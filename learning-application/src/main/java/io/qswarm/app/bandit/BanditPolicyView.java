package io.qswarm.app.bandit;

import io.qswarm.intelligence.bandit.api.DefaultPolicy;
import java.util.List;
import java.util.Map;

/**
 * A bandit policy's summary ({@code GET /api/v1/bandits/{id}}): its configuration, what it has learned from, its
 * model version and the drift guard's state.
 *
 * @param algorithm {@code linucb} or {@code lints}
 */
public record BanditPolicyView(
        String policyId,
        String algorithm,
        int dimension,
        List<String> actions,
        double ridge,
        double explorationScale,
        DefaultPolicy defaultPolicy,
        long modelVersion,
        Counts counts,
        Drift drift) {

    /**
     * @param openDecisions recorded decisions still waiting for their reward
     * @param observationsPerAction observations each action's posterior stands on, over every origin
     */
    public record Counts(
            long decisions,
            long openDecisions,
            long rewards,
            long warmStarts,
            long warmStartInteractions,
            long merges,
            Map<String, Long> observationsPerAction) {}

    /**
     * @param guarded whether the policy has a drift guard
     * @param tripped whether decisions now come from the default policy
     * @param covarianceTrace the posterior covariance trace now (null without a guard)
     */
    public record Drift(
            boolean guarded,
            boolean tripped,
            Double covarianceTrace,
            Double maxCovarianceTrace,
            Double priorNoiseVariance) {}
}
