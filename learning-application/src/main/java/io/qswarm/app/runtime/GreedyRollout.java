package io.qswarm.app.runtime;

import io.qswarm.environments.Environment;
import io.qswarm.environments.Step;
import java.util.function.IntUnaryOperator;
import java.util.random.RandomGenerator;

/** Plays one episode with a fixed policy (state index → action index), without learning. */
final class GreedyRollout {

    private GreedyRollout() {}

    /**
     * The undiscounted return and length of one episode; an environment without a time limit is cut after
     * {@code maxSteps} (a greedy policy may cycle).
     */
    static Agent.Episode play(Environment environment, IntUnaryOperator policy, RandomGenerator random, int maxSteps) {
        int state = environment.reset(random);
        double total = 0;
        int steps = 0;
        while (steps < maxSteps) {
            Step step = environment.step(policy.applyAsInt(state), random);
            total += step.reward();
            steps++;
            if (step.done()) {
                break;
            }
            state = step.nextState();
        }
        return new Agent.Episode(total, steps, 0);
    }
}
