package io.qswarm.intelligence.bandit.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A decision's reward was observed and learned: {@code A_a += x xᵀ}, {@code b_a += r x} for the chosen action
 * {@code a}. Carries the decision's context, action and propensity, so replay and off-policy evaluation need no
 * other event.
 *
 * @param decisionModelVersion the model version the decision was made with
 * @param modelVersion the model version after this observation
 */
@Revision("1")
public record BanditRewardObserved(
        BanditPolicyId policyId,
        String decisionId,
        List<Double> context,
        String action,
        double reward,
        double propensity,
        long decisionModelVersion,
        long modelVersion) {}
