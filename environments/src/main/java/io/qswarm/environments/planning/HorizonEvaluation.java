package io.qswarm.environments.planning;

import io.qswarm.environments.TabularModel;

/**
 * Expected returns within a time limit, by dynamic programming over the steps left: {@code V_0 = 0} and
 * {@code V_k(s) = sum p (r + gamma * (terminal ? 0 : V_{k-1}(s')))}. {@code V_H(s)} is the expected return of an
 * episode started in {@code s} and truncated after {@code H} steps, which is what an agent collects in a Gymnasium
 * environment wrapped in {@code TimeLimit(H)}.
 */
public final class HorizonEvaluation {

    private HorizonEvaluation() {}

    /** {@code V_H} of a stationary deterministic policy. */
    public static double[] evaluate(TabularModel model, int[] policy, int horizon, double gamma) {
        Bellman.checkGamma(gamma);
        Bellman.checkPolicy(model, policy);
        checkHorizon(horizon);
        int states = model.stateCount();
        double[] values = new double[states];
        double[] next = new double[states];
        for (int k = 1; k <= horizon; k++) {
            for (int s = 0; s < states; s++) {
                next[s] = Bellman.actionValue(model, values, s, policy[s], gamma);
            }
            double[] swap = values;
            values = next;
            next = swap;
        }
        return values;
    }

    /**
     * The finite-horizon optimum {@code V*_H}: the best any (possibly step-dependent) policy can expect within
     * {@code H} steps. It is at least the {@link #evaluate} value of any stationary policy.
     */
    public static double[] optimal(TabularModel model, int horizon, double gamma) {
        Bellman.checkGamma(gamma);
        checkHorizon(horizon);
        int states = model.stateCount();
        double[] values = new double[states];
        double[] next = new double[states];
        for (int k = 1; k <= horizon; k++) {
            for (int s = 0; s < states; s++) {
                next[s] = Bellman.maxActionValue(model, values, s, gamma);
            }
            double[] swap = values;
            values = next;
            next = swap;
        }
        return values;
    }

    /** Expected return of an episode within {@code horizon} steps under the policy, from the initial states. */
    public static double expectedReturn(TabularModel model, int[] policy, int horizon, double gamma) {
        return Bellman.fromInitialStates(model, evaluate(model, policy, horizon, gamma));
    }

    /** The finite-horizon optimal expected return from the initial states. */
    public static double optimalExpectedReturn(TabularModel model, int horizon, double gamma) {
        return Bellman.fromInitialStates(model, optimal(model, horizon, gamma));
    }

    private static void checkHorizon(int horizon) {
        if (horizon < 0) {
            throw new IllegalArgumentException("horizon must be >= 0, was " + horizon);
        }
    }
}
