package io.qswarm.benchmarks.valuefunctions;

import io.qswarm.environments.Environment;
import io.qswarm.environments.Step;
import io.qswarm.intelligence.valuefunction.StateFeatures;
import io.qswarm.intelligence.valuefunction.ValueFunction;
import io.qswarm.intelligence.valuefunction.ValueFunctionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Online Q-learning of one value function on one task: seeded ε-greedy exploration (ties among greedy actions to the
 * cheapest, then the first declared), target {@code r + γ·max_a' Q(s', a')} ({@code r} alone when the episode
 * terminated; a time-limit truncation bootstraps), one {@link ValueFunction#update} per step. Every
 * {@code checkpointEvery} episodes the greedy policy is scored by the task. The seed is split into an exploration
 * stream and an environment stream, so the same seed gives the same run.
 */
final class QLearning {

    /** The greedy return after {@code episode} training episodes. */
    record Checkpoint(int episode, double greedyReturn, double standardError) {}

    /** What one training run produced. */
    record Run(
            String label,
            ValueFunctionSpec spec,
            long seed,
            int episodes,
            long steps,
            List<Checkpoint> checkpoints,
            long trainingNanos,
            String parametersSha256) {

        Checkpoint last() {
            return checkpoints.get(checkpoints.size() - 1);
        }
    }

    private QLearning() {}

    static Run train(FactoredTask task, Candidate candidate, long seed, int episodes, int checkpointEvery) {
        if (episodes < 1 || checkpointEvery < 1) {
            throw new IllegalArgumentException("episodes and checkpointEvery must be >= 1");
        }
        ValueFunction q = candidate.spec().create();
        var seeds = new SplittableRandom(seed);
        SplittableRandom explore = seeds.split();
        SplittableRandom world = seeds.split();
        Environment environment = task.newEnvironment();
        FactoredTask.LearningSettings settings = task.settings();
        int actions = task.actionCount();
        double[] values = new double[actions];
        var checkpoints = new ArrayList<Checkpoint>();
        long steps = 0;
        long nanos = 0;
        for (int episode = 0; episode < episodes; episode++) {
            long start = System.nanoTime();
            double epsilon = settings.epsilon(episode);
            double alpha = settings.alpha(episode);
            int state = environment.reset(world);
            Step step;
            do {
                StateFeatures features = task.features(state);
                int action =
                        explore.nextDouble() < epsilon ? explore.nextInt(actions) : greedy(task, q, features, values);
                step = environment.step(action, world);
                double target = step.reward();
                if (!step.terminated()) {
                    target += settings.gamma() * max(q, task.features(step.nextState()), values);
                }
                q.update(features, action, target, alpha);
                state = step.nextState();
                steps++;
            } while (!step.done());
            nanos += System.nanoTime() - start;
            if ((episode + 1) % checkpointEvery == 0 || episode + 1 == episodes) {
                FactoredTask.Evaluation evaluation = task.evaluate(greedyPolicy(task, q));
                checkpoints.add(new Checkpoint(episode + 1, evaluation.meanReturn(), evaluation.standardError()));
            }
        }
        return new Run(
                candidate.label(),
                candidate.spec(),
                seed,
                episodes,
                steps,
                List.copyOf(checkpoints),
                nanos,
                q.parameters().sha256());
    }

    /** The greedy action of every state. */
    static int[] greedyPolicy(FactoredTask task, ValueFunction q) {
        int[] policy = new int[task.stateCount()];
        double[] values = new double[task.actionCount()];
        for (int s = 0; s < policy.length; s++) {
            policy[s] = greedy(task, q, task.features(s), values);
        }
        return policy;
    }

    private static int greedy(FactoredTask task, ValueFunction q, StateFeatures state, double[] values) {
        int best = 0;
        double bestValue = q.value(state, 0);
        for (int a = 1; a < values.length; a++) {
            double value = q.value(state, a);
            if (value > bestValue || (value == bestValue && task.baseCost(a) < task.baseCost(best))) {
                best = a;
                bestValue = value;
            }
        }
        return best;
    }

    private static double max(ValueFunction q, StateFeatures state, double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < values.length; a++) {
            max = Math.max(max, q.value(state, a));
        }
        return max;
    }
}
