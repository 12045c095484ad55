package io.qswarm.environments.planning;

import io.qswarm.environments.TabularModel;

/**
 * Value iteration for the Bellman optimality equation {@code V(s) = max_a sum p (r + gamma V(s'))}, with terminal
 * transitions contributing only their reward. Synchronous (Jacobi) sweeps from {@code V = 0} until the largest change
 * of a sweep is below the tolerance.
 *
 * <p>This solves the <em>infinite-horizon</em> problem: time limits are ignored (see {@link HorizonEvaluation} for
 * the value within a limit). With {@code gamma = 1} it converges for the toy-text environments because every policy
 * either reaches a terminal state or collects non-positive rewards forever (Taxi, CliffWalking: -1 per step, so
 * improper policies have value -infinity and are never greedy; FrozenLake: rewards are 0 until the goal, and the
 * iteration from 0 rises monotonically to the success probability).
 */
public final class ValueIteration {

    public static final double DEFAULT_TOLERANCE = 1e-12;
    public static final int DEFAULT_MAX_SWEEPS = 1_000_000;

    private ValueIteration() {}

    public static OptimalSolution solve(TabularModel model, double gamma) {
        return solve(model, gamma, DEFAULT_TOLERANCE, DEFAULT_MAX_SWEEPS);
    }

    /**
     * @throws IllegalStateException when the values still change by more than the tolerance after
     *     {@code maxSweeps} sweeps
     */
    public static OptimalSolution solve(TabularModel model, double gamma, double tolerance, int maxSweeps) {
        Bellman.checkGamma(gamma);
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be > 0, was " + tolerance);
        }
        int states = model.stateCount();
        double[] values = new double[states];
        double[] next = new double[states];
        double delta = Double.POSITIVE_INFINITY;
        int sweeps = 0;
        while (delta >= tolerance) {
            if (sweeps == maxSweeps) {
                throw new IllegalStateException("value iteration did not converge in " + maxSweeps
                        + " sweeps (last change " + delta + ", gamma " + gamma + ")");
            }
            delta = 0;
            for (int s = 0; s < states; s++) {
                next[s] = Bellman.maxActionValue(model, values, s, gamma);
                delta = Math.max(delta, Math.abs(next[s] - values[s]));
            }
            double[] swap = values;
            values = next;
            next = swap;
            sweeps++;
        }
        int[] policy = greedyPolicy(model, values, gamma);
        return new OptimalSolution(values, policy, sweeps, delta, gamma);
    }

    /**
     * The greedy policy for the values, chosen lexicographically: maximal action value (ties within a relative
     * {@code 1e-9}), then fewest expected steps to the end of the episode, then lowest action index. The second
     * criterion makes the policy proper in undiscounted problems with zero-reward loops (see {@link PolicyExtraction}).
     */
    public static int[] greedyPolicy(TabularModel model, double[] values, double gamma) {
        Bellman.checkGamma(gamma);
        if (values.length != model.stateCount()) {
            throw new IllegalArgumentException("values need one entry per state");
        }
        return PolicyExtraction.greedy(model, values, gamma);
    }
}
