package io.qswarm.intelligence.bandit.api;

import io.qswarm.intelligence.api.Checks;
import java.util.HashSet;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates a contextual-bandit policy over {@code actions} for contexts of {@code dimension} features.
 *
 * @param ridge {@code λ > 0}: every action's posterior starts at {@code A_k = λI}, {@code b_k = 0}
 * @param algorithm how the runtime decides (the policy records its decisions either way)
 * @param explorationScale {@code α} of LinUCB or {@code v} of LinTS, {@code ≥ 0}
 * @param defaultPolicy what the runtime falls back to while the drift guard is tripped
 * @param driftGuard the bound on the posterior covariance trace, or {@code null} for no guard
 */
public record CreateBanditPolicy(
        @TargetAggregateIdentifier BanditPolicyId policyId,
        List<String> actions,
        int dimension,
        double ridge,
        BanditAlgorithm algorithm,
        double explorationScale,
        DefaultPolicy defaultPolicy,
        DriftGuard driftGuard) {

    public static final int MAX_ACTIONS = 1_000;

    public CreateBanditPolicy {
        Checks.required("policyId", policyId);
        actions = actions(actions);
        if (dimension < 1 || dimension > BanditChecks.MAX_DIMENSION) {
            throw new IllegalArgumentException(
                    "dimension must be in [1, " + BanditChecks.MAX_DIMENSION + "], was " + dimension);
        }
        Checks.finite("ridge", ridge);
        if (ridge <= 0) {
            throw new IllegalArgumentException("ridge must be positive, was " + ridge);
        }
        Checks.required("algorithm", algorithm);
        Checks.finite("explorationScale", explorationScale);
        if (explorationScale < 0) {
            throw new IllegalArgumentException("explorationScale must not be negative, was " + explorationScale);
        }
        Checks.required("defaultPolicy", defaultPolicy);
        if (defaultPolicy.kind() == DefaultPolicy.Kind.FIXED_ACTION && !actions.contains(defaultPolicy.action())) {
            throw new IllegalArgumentException(
                    "the default policy's action '" + defaultPolicy.action() + "' is not one of " + actions);
        }
    }

    private static List<String> actions(List<String> actions) {
        Checks.required("actions", actions);
        if (actions.isEmpty() || actions.size() > MAX_ACTIONS) {
            throw new IllegalArgumentException("a policy has 1 to " + MAX_ACTIONS + " actions, had " + actions.size());
        }
        var seen = new HashSet<String>();
        for (String action : actions) {
            Checks.identifier("action", action);
            if (!seen.add(action)) {
                throw new IllegalArgumentException("action '" + action + "' appears more than once");
            }
        }
        return List.copyOf(actions);
    }
}
