package io.qswarm.environments.toytext;

import io.qswarm.environments.Action;
import io.qswarm.environments.Environment;
import io.qswarm.environments.Sampling;
import io.qswarm.environments.Step;
import io.qswarm.environments.TabularModel;
import io.qswarm.environments.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * A Gymnasium "discrete env": a precomputed {@code P[s][a]} table, an initial-state distribution, and the
 * {@code TimeLimit} wrapper that {@code gym.make} adds.
 *
 * <p>{@code reset} draws one uniform number to sample the initial state and {@code step} draws one to sample the
 * transition, both with {@code categorical_sample}'s rule. The time limit counts steps since the reset and sets
 * {@code truncated} on the step that reaches it, also when that step terminates (as {@code TimeLimit} does). Unlike
 * Gymnasium, which lets a caller keep stepping a finished episode, stepping after the end is refused.
 */
public abstract class ToyTextEnvironment implements Environment, TabularModel {

    private final String name;
    private final List<Action> actions;
    private final List<List<List<Transition>>> transitions;
    private final double[] initialStateDistribution;
    private final int timeLimit;

    private int state = -1;
    private int elapsedSteps;
    private boolean episodeOver = true;

    /**
     * @param timeLimit steps before truncation, or 0 for none
     */
    protected ToyTextEnvironment(
            String name,
            List<Action> actions,
            List<List<List<Transition>>> transitions,
            double[] initialStateDistribution,
            int timeLimit) {
        if (timeLimit < 0) {
            throw new IllegalArgumentException("timeLimit must be >= 0 (0 = none), was " + timeLimit);
        }
        this.name = name;
        this.actions = List.copyOf(actions);
        List<List<List<Transition>>> copy = new ArrayList<>(transitions.size());
        for (List<List<Transition>> byAction : transitions) {
            if (byAction.size() != actions.size()) {
                throw new IllegalArgumentException("every state needs one transition list per action");
            }
            copy.add(byAction.stream().map(List::copyOf).toList());
        }
        this.transitions = List.copyOf(copy);
        if (initialStateDistribution.length != transitions.size()) {
            throw new IllegalArgumentException("initial-state distribution needs one probability per state");
        }
        this.initialStateDistribution = initialStateDistribution.clone();
        this.timeLimit = timeLimit;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int stateCount() {
        return transitions.size();
    }

    @Override
    public List<Action> actions() {
        return actions;
    }

    @Override
    public int actionCount() {
        return actions.size();
    }

    @Override
    public OptionalInt timeLimit() {
        return timeLimit == 0 ? OptionalInt.empty() : OptionalInt.of(timeLimit);
    }

    @Override
    public List<Transition> transitions(int state, int action) {
        checkState(state);
        checkAction(action);
        return transitions.get(state).get(action);
    }

    @Override
    public double[] initialStateDistribution() {
        return initialStateDistribution.clone();
    }

    @Override
    public int reset(RandomGenerator rng) {
        state = Sampling.categorical(initialStateDistribution, rng);
        elapsedSteps = 0;
        episodeOver = false;
        return state;
    }

    @Override
    public Step step(int action, RandomGenerator rng) {
        if (episodeOver) {
            throw new IllegalStateException(name + ": call reset before stepping (no episode is running)");
        }
        checkAction(action);
        List<Transition> possible = transitions.get(state).get(action);
        Transition taken = possible.get(Sampling.transition(possible, rng));
        state = taken.nextState();
        elapsedSteps++;
        boolean truncated = timeLimit > 0 && elapsedSteps >= timeLimit;
        episodeOver = taken.terminal() || truncated;
        return Step.of(taken.nextState(), taken.reward(), taken.terminal(), truncated);
    }

    @Override
    public int state() {
        if (state < 0) {
            throw new IllegalStateException(name + ": call reset first");
        }
        return state;
    }

    /** Toy-text observations are integers: the key is the Gymnasium observation number, e.g. {@code "328"}. */
    @Override
    public String stateKey(int state) {
        checkState(state);
        return Integer.toString(state);
    }

    /** Steps taken in the current episode. */
    public int elapsedSteps() {
        return elapsedSteps;
    }

    private void checkState(int state) {
        if (state < 0 || state >= transitions.size()) {
            throw new IllegalArgumentException(
                    name + ": state must be in [0, " + (transitions.size() - 1) + "], was " + state);
        }
    }

    private void checkAction(int action) {
        if (action < 0 || action >= actions.size()) {
            throw new IllegalArgumentException(
                    name + ": action must be in [0, " + (actions.size() - 1) + "], was " + action);
        }
    }

    /** Builder helper: an empty {@code P} table of {@code states x actions} lists. */
    protected static List<List<List<Transition>>> emptyTable(int states, int actions) {
        List<List<List<Transition>>> table = new ArrayList<>(states);
        for (int s = 0; s < states; s++) {
            List<List<Transition>> byAction = new ArrayList<>(actions);
            for (int a = 0; a < actions; a++) {
                byAction.add(new ArrayList<>(3));
            }
            table.add(byAction);
        }
        return table;
    }
}
