package io.qswarm.environments.planning;

import io.qswarm.environments.TabularModel;

/**
 * The result of {@link ValueIteration}: optimal state values, a greedy policy (lowest action index among ties) and how
 * many sweeps it took. Arrays are copied in and out.
 */
public final class OptimalSolution {

    private final double[] values;
    private final int[] policy;
    private final int sweeps;
    private final double residual;
    private final double gamma;

    OptimalSolution(double[] values, int[] policy, int sweeps, double residual, double gamma) {
        this.values = values.clone();
        this.policy = policy.clone();
        this.sweeps = sweeps;
        this.residual = residual;
        this.gamma = gamma;
    }

    public double[] values() {
        return values.clone();
    }

    public double value(int state) {
        return values[state];
    }

    /** The greedy deterministic policy: one action per state. */
    public int[] policy() {
        return policy.clone();
    }

    public int action(int state) {
        return policy[state];
    }

    /** Number of full synchronous sweeps performed. */
    public int sweeps() {
        return sweeps;
    }

    /** The largest value change of the last sweep. */
    public double residual() {
        return residual;
    }

    public double gamma() {
        return gamma;
    }

    /** The expected return of an episode: {@code sum_s d0(s) * V*(s)} over the model's initial-state distribution. */
    public double expectedReturn(TabularModel model) {
        return Bellman.fromInitialStates(model, values);
    }
}
