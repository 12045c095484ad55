package io.qswarm.benchmarks.bandit;

import io.qswarm.intelligence.bandit.api.LoggedInteraction;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The policy that produced the offline log: a noisy heuristic with known propensities,
 *
 * <pre>
 *   μ(a | x) = (1 − ε)·softmax_a(θ̃_aᵀx / τ) + ε/K       θ̃_a = θ_a + N(0, s²I)  (drawn once)
 * </pre>
 *
 * so it prefers good actions without knowing them, and every action keeps probability at least {@code ε/K}.
 */
public final class LoggingPolicy {

    private final LinearBanditProblem problem;
    private final double[][] heuristic;
    private final double temperature;
    private final double epsilon;

    public LoggingPolicy(
            LinearBanditProblem problem, double heuristicNoise, double temperature, double epsilon, long seed) {
        this.problem = problem;
        this.temperature = temperature;
        this.epsilon = epsilon;
        var random = new SplittableRandom(seed);
        this.heuristic = new double[problem.actions()][];
        for (int k = 0; k < problem.actions(); k++) {
            double[] theta = problem.theta(k);
            for (int i = 0; i < theta.length; i++) {
                theta[i] += heuristicNoise * random.nextGaussian();
            }
            heuristic[k] = theta;
        }
    }

    /** The logging policy the proof uses: {@code s = 0.5/√d}, {@code τ = 0.1}, {@code ε = 0.1}. */
    public static LoggingPolicy standard(LinearBanditProblem problem, long seed) {
        return new LoggingPolicy(problem, 0.5 / Math.sqrt(problem.dimension()), 0.1, 0.1, seed);
    }

    public double[] probabilities(double[] x) {
        int actions = problem.actions();
        var p = new double[actions];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < actions; k++) {
            double score = 0;
            for (int i = 0; i < x.length; i++) {
                score += heuristic[k][i] * x[i];
            }
            p[k] = score / temperature;
            max = Math.max(max, p[k]);
        }
        double sum = 0;
        for (int k = 0; k < actions; k++) {
            p[k] = Math.exp(p[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < actions; k++) {
            p[k] = (1 - epsilon) * p[k] / sum + epsilon / actions;
        }
        return p;
    }

    /** {@code n} logged interactions: contexts, sampled actions, noisy rewards and the actions' propensities. */
    public List<LoggedInteraction> log(int n, long streamSeed) {
        var stream = new SplittableRandom(streamSeed);
        var out = new ArrayList<LoggedInteraction>(n);
        List<String> names = problem.actionNames();
        for (int i = 0; i < n; i++) {
            double[] x = problem.context(stream);
            double[] p = probabilities(x);
            double u = stream.nextDouble();
            int action = p.length - 1;
            double cumulative = 0;
            for (int k = 0; k < p.length; k++) {
                cumulative += p[k];
                if (u < cumulative) {
                    action = k;
                    break;
                }
            }
            var context = new ArrayList<Double>(x.length);
            for (double value : x) {
                context.add(value);
            }
            out.add(new LoggedInteraction(context, names.get(action), problem.reward(action, x, stream), p[action]));
        }
        return out;
    }
}
