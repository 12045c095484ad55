package io.qswarm.intelligence.learning;

import io.qswarm.intelligence.api.ActionSpace;
import io.qswarm.intelligence.api.LearningRule;
import java.util.function.ToDoubleFunction;

/**
 * The TD update shared by all rules, {@code Q ← Q + α·(target − Q)} with {@code target = r + γ·bootstrap}, or
 * {@code target = r} for a terminal transition, and the rule-specific bootstrap value.
 */
public final class TemporalDifference {

    private TemporalDifference() {}

    public static double target(double reward, double gamma, double bootstrap, boolean terminal) {
        return terminal ? reward : reward + gamma * bootstrap;
    }

    public static double update(
            double oldQ, double reward, double bootstrap, boolean terminal, double alpha, double gamma) {
        return oldQ + alpha * (target(reward, gamma, bootstrap, terminal) - oldQ);
    }

    /**
     * The value of the next state each rule bootstraps on.
     *
     * <ul>
     *   <li>Q-learning: {@code max_a' Q(s', a')}
     *   <li>SARSA: {@code Q(s', a')} for the action taken next
     *   <li>Expected SARSA: {@code (1 − ε)·max_a' Q(s', a') + ε·mean_a' Q(s', a')}, the expectation under the
     *       epsilon-greedy policy (the greedy action's value is the maximum whatever the tie-break)
     * </ul>
     *
     * @param nextValues {@code Q(s', ·)}, 0 for unvisited actions
     * @param nextAction the action taken in {@code s'} (SARSA only)
     */
    public static double bootstrap(
            LearningRule rule,
            ActionSpace actions,
            ToDoubleFunction<String> nextValues,
            String nextAction,
            double epsilon) {
        return switch (rule) {
            case Q_LEARNING -> actions.max(nextValues);
            case SARSA -> nextValues.applyAsDouble(nextAction);
            case EXPECTED_SARSA -> (1.0 - epsilon) * actions.max(nextValues) + epsilon * actions.mean(nextValues);
        };
    }
}
