package io.qswarm.intelligence.bandit.api;

import io.qswarm.intelligence.api.Checks;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a decision the caller's seeded runtime made: in {@code context} it chose {@code action}, which the
 * deciding policy chose with probability {@code propensity}, using the posterior of {@code modelVersion}. Recording
 * the same decision again is a no-op; the reward arrives later as {@link ObserveBanditReward}.
 *
 * @param decisionId the caller's idempotency key for this decision
 * @param decidedBy the model, or the default policy (required while the drift guard is tripped)
 */
public record RecordBanditDecision(
        @TargetAggregateIdentifier BanditPolicyId policyId,
        String decisionId,
        List<Double> context,
        String action,
        double propensity,
        long modelVersion,
        DecisionSource decidedBy) {

    public RecordBanditDecision {
        Checks.required("policyId", policyId);
        Checks.text("decisionId", decisionId, 128);
        context = BanditChecks.context("context", context);
        Checks.identifier("action", action);
        BanditChecks.propensity("propensity", propensity);
        if (modelVersion < 0) {
            throw new IllegalArgumentException("modelVersion must not be negative, was " + modelVersion);
        }
        Checks.required("decidedBy", decidedBy);
    }
}
