package io.qswarm.environments;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one {@link Environment#step}, with Gymnasium's flags.
 *
 * @param nextState the state after the step
 * @param reward the total reward of the step
 * @param terminated the episode reached a terminal state of the task (no bootstrapping from {@code nextState})
 * @param truncated the episode was cut by the time limit (the state is not terminal: bootstrap from it). Both flags
 *     are true when the last allowed step also terminates, as with Gymnasium's {@code TimeLimit} wrapper.
 * @param rewardComponents named parts of the reward, in a stable order; they sum to {@code reward}
 */
public record Step(
        int nextState, double reward, boolean terminated, boolean truncated, Map<String, Double> rewardComponents) {

    private static final double SUM_TOLERANCE = 1e-9;

    public Step {
        if (nextState < 0) {
            throw new IllegalArgumentException("nextState must be >= 0, was " + nextState);
        }
        if (!Double.isFinite(reward)) {
            throw new IllegalArgumentException("reward must be a finite number, was " + reward);
        }
        Objects.requireNonNull(rewardComponents, "rewardComponents are required (use a single component)");
        if (rewardComponents.isEmpty()) {
            throw new IllegalArgumentException("rewardComponents must name at least one component");
        }
        double sum = 0;
        for (Map.Entry<String, Double> component : rewardComponents.entrySet()) {
            Objects.requireNonNull(component.getKey(), "reward component name");
            if (component.getValue() == null || !Double.isFinite(component.getValue())) {
                throw new IllegalArgumentException(
                        "reward component " + component.getKey() + " must be finite, was " + component.getValue());
            }
            sum += component.getValue();
        }
        if (Math.abs(sum - reward) > SUM_TOLERANCE * Math.max(1.0, Math.abs(reward))) {
            throw new IllegalArgumentException(
                    "reward components " + rewardComponents + " sum to " + sum + ", not to the reward " + reward);
        }
        rewardComponents = Collections.unmodifiableMap(new LinkedHashMap<>(rewardComponents));
    }

    /** A step whose reward has a single component named {@code reward}. */
    public static Step of(int nextState, double reward, boolean terminated, boolean truncated) {
        return new Step(nextState, reward, terminated, truncated, Map.of("reward", reward));
    }

    /** The episode is over, for either reason. */
    public boolean done() {
        return terminated || truncated;
    }
}
