package io.qswarm.benchmarks.bandit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A synthetic linear bandit: action {@code k} pays {@code θ_kᵀx + N(0, σ²)}. Every {@code θ_k} and every context
 * {@code x} is drawn uniformly from the unit sphere of {@code R^d}, so expected rewards lie in {@code [−1, 1]}.
 */
public final class LinearBanditProblem {

    private final int dimension;
    private final int actions;
    private final double noise;
    private final double[][] theta;

    /** A problem whose parameters are drawn from {@code seed}. */
    public LinearBanditProblem(int dimension, int actions, double noise, long seed) {
        this.dimension = dimension;
        this.actions = actions;
        this.noise = noise;
        var random = new SplittableRandom(seed);
        this.theta = new double[actions][];
        for (int k = 0; k < actions; k++) {
            theta[k] = unitVector(dimension, random);
        }
    }

    static double[] unitVector(int dimension, RandomGenerator random) {
        var v = new double[dimension];
        double norm = 0;
        for (int i = 0; i < dimension; i++) {
            v[i] = random.nextGaussian();
            norm += v[i] * v[i];
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < dimension; i++) {
            v[i] /= norm;
        }
        return v;
    }

    public double[] context(RandomGenerator random) {
        return unitVector(dimension, random);
    }

    public double expectedReward(int k, double[] x) {
        double sum = 0;
        double[] t = theta[k];
        for (int i = 0; i < dimension; i++) {
            sum += t[i] * x[i];
        }
        return sum;
    }

    public double reward(int k, double[] x, RandomGenerator random) {
        return expectedReward(k, x) + noise * random.nextGaussian();
    }

    public int bestAction(double[] x) {
        int best = 0;
        double bestReward = expectedReward(0, x);
        for (int k = 1; k < actions; k++) {
            double r = expectedReward(k, x);
            if (r > bestReward) {
                bestReward = r;
                best = k;
            }
        }
        return best;
    }

    /** {@code max_j θ_jᵀx − θ_kᵀx}. */
    public double regret(int k, double[] x) {
        return expectedReward(bestAction(x), x) - expectedReward(k, x);
    }

    /** A copy of {@code θ_k}. */
    public double[] theta(int k) {
        return theta[k].clone();
    }

    public List<String> actionNames() {
        var names = new ArrayList<String>(actions);
        for (int k = 0; k < actions; k++) {
            names.add("a" + k);
        }
        return names;
    }

    public int dimension() {
        return dimension;
    }

    public int actions() {
        return actions;
    }

    public double noise() {
        return noise;
    }
}
