package io.qswarm.intelligence.bandit.api;

import io.qswarm.intelligence.api.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The reward of a recorded decision. The policy's posterior of the chosen action learns from it and the model
 * version advances; a reward for a decision that was already rewarded is a no-op.
 */
public record ObserveBanditReward(
        @TargetAggregateIdentifier BanditPolicyId policyId, String decisionId, double reward) {

    public ObserveBanditReward {
        Checks.required("policyId", policyId);
        Checks.text("decisionId", decisionId, 128);
        Checks.finite("reward", reward);
    }
}
