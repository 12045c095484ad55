package io.qswarm.intelligence.bandit;

import java.util.random.RandomGenerator;

/**
 * A linear bandit for tests: action {@code k} pays {@code θ_kᵀx + N(0, σ²)}, with every {@code θ_k} and every context
 * drawn uniformly from the unit sphere.
 */
final class SyntheticLinearBandit {

    final int dimension;
    final int actions;
    final double noise;
    final double[][] theta;

    SyntheticLinearBandit(int dimension, int actions, double noise, RandomGenerator random) {
        this.dimension = dimension;
        this.actions = actions;
        this.noise = noise;
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

    double[] context(RandomGenerator random) {
        return unitVector(dimension, random);
    }

    double expectedReward(int k, double[] x) {
        return Matrices.dot(theta[k], x, dimension);
    }

    double reward(int k, double[] x, RandomGenerator random) {
        return expectedReward(k, x) + noise * random.nextGaussian();
    }

    int best(double[] x) {
        int best = 0;
        for (int k = 1; k < actions; k++) {
            if (expectedReward(k, x) > expectedReward(best, x)) {
                best = k;
            }
        }
        return best;
    }

    double regret(int k, double[] x) {
        return expectedReward(best(x), x) - expectedReward(k, x);
    }

    java.util.List<String> actionNames() {
        var names = new java.util.ArrayList<String>();
        for (int k = 0; k < actions; k++) {
            names.add("a" + k);
        }
        return names;
    }
}
