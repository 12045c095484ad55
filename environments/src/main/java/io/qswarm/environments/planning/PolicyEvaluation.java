package io.qswarm.environments.planning;

import io.qswarm.environments.TabularModel;

/**
 * Iterative policy evaluation of a deterministic policy: {@code V(s) = sum p (r + gamma V(s'))} with
 * {@code a = policy[s]}, terminal transitions contributing only their reward, infinite horizon (time limits ignored).
 *
 * <p>With {@code gamma = 1} a policy that can loop forever on negative rewards has value -infinity: the evaluation
 * then fails to converge and says so. For FrozenLake with {@code gamma = 1} the value of a state is the probability of
 * eventually reaching the goal under the policy.
 */
public final class PolicyEvaluation {

    private PolicyEvaluation() {}

    public static double[] evaluate(TabularModel model, int[] policy, double gamma) {
        return evaluate(model, policy, gamma, ValueIteration.DEFAULT_TOLERANCE, ValueIteration.DEFAULT_MAX_SWEEPS);
    }

    /**
     * @throws IllegalStateException when the values still change by more than the tolerance after
     *     {@code maxSweeps} sweeps (an improper policy under {@code gamma = 1})
     */
    public static double[] evaluate(TabularModel model, int[] policy, double gamma, double tolerance, int maxSweeps) {
        Bellman.checkGamma(gamma);
        Bellman.checkPolicy(model, policy);
        int states = model.stateCount();
        double[] values = new double[states];
        double[] next = new double[states];
        double delta = Double.POSITIVE_INFINITY;
        int sweeps = 0;
        while (delta >= tolerance) {
            if (sweeps == maxSweeps) {
                throw new IllegalStateException("policy evaluation did not converge in " + maxSweeps
                        + " sweeps (last change " + delta + "): is the policy improper under gamma " + gamma + "?");
            }
            delta = 0;
            for (int s = 0; s < states; s++) {
                next[s] = Bellman.actionValue(model, values, s, policy[s], gamma);
                delta = Math.max(delta, Math.abs(next[s] - values[s]));
            }
            double[] swap = values;
            values = next;
            next = swap;
            sweeps++;
        }
        return values;
    }

    /** The expected return of an episode under the policy: {@code sum_s d0(s) * V(s)}. */
    public static double expectedReturn(TabularModel model, int[] policy, double gamma) {
        return Bellman.fromInitialStates(model, evaluate(model, policy, gamma));
    }

    /** {@code sum_s d0(s) * values[s]} over the model's initial-state distribution. */
    public static double expectedReturn(TabularModel model, double[] values) {
        if (values.length != model.stateCount()) {
            throw new IllegalArgumentException("values need one entry per state");
        }
        return Bellman.fromInitialStates(model, values);
    }
}
