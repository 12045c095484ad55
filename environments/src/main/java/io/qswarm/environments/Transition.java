package io.qswarm.environments;

/**
 * One entry of Gymnasium's {@code P[s][a]} list: {@code (probability, next_state, reward, terminated)}.
 *
 * @param terminal the episode terminates when this transition is taken; a planner does not bootstrap from
 *     {@code nextState}
 */
public record Transition(double probability, int nextState, double reward, boolean terminal) {

    public Transition {
        if (!(probability > 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1], was " + probability);
        }
        if (nextState < 0) {
            throw new IllegalArgumentException("nextState must be >= 0, was " + nextState);
        }
        if (!Double.isFinite(reward)) {
            throw new IllegalArgumentException("reward must be a finite number, was " + reward);
        }
    }
}
