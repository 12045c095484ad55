package io.qswarm.app.bandit;

import io.qswarm.intelligence.bandit.api.BanditPolicyId;
import io.qswarm.intelligence.bandit.api.CreateBanditPolicy;
import io.qswarm.intelligence.bandit.api.DefaultPolicy;
import io.qswarm.intelligence.bandit.api.DriftGuard;
import java.util.List;

/** Request bodies of the bandit endpoints. */
final class BanditRequests {

    /** Defaults of the hyper-parameters a create request may leave out. */
    static final double DEFAULT_RIDGE = 1.0;

    static final double DEFAULT_EXPLORATION_SCALE = 0.1;

    private BanditRequests() {}

    /**
     * {@code POST /api/v1/bandits}.
     *
     * @param algorithm {@code linucb} or {@code lints}
     * @param ridge {@code λ}, default 1
     * @param explorationScale LinUCB's {@code α} or LinTS's {@code v}, default 0.1
     * @param defaultAction the default policy's fixed action; absent: the uniform default policy
     * @param driftGuard the bound on the posterior covariance trace; absent: no guard
     */
    record Create(
            String policyId,
            String algorithm,
            Integer dimension,
            List<String> actions,
            Double ridge,
            Double explorationScale,
            String defaultAction,
            DriftGuard driftGuard) {

        CreateBanditPolicy command() {
            if (policyId == null) {
                throw new IllegalArgumentException("policyId is required");
            }
            if (dimension == null) {
                throw new IllegalArgumentException("dimension is required: the number of context features");
            }
            return new CreateBanditPolicy(
                    BanditPolicyId.of(policyId),
                    actions,
                    dimension,
                    ridge == null ? DEFAULT_RIDGE : ridge,
                    BanditAlgorithms.parse(algorithm),
                    explorationScale == null ? DEFAULT_EXPLORATION_SCALE : explorationScale,
                    defaultAction == null ? DefaultPolicy.uniform() : DefaultPolicy.fixed(defaultAction),
                    driftGuard);
        }
    }

    /** {@code POST /api/v1/bandits/{id}/decisions}. */
    record Decide(List<Double> context) {}

    /** {@code POST /api/v1/bandits/{id}/decisions/{decisionId}/reward}. */
    record Reward(Double reward) {}
}
