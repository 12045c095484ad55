package io.qswarm.environments;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * An episodic environment with a finite, integer-encoded state space and a finite action list.
 *
 * <p>An instance holds the state of one episode: create one instance per agent and do not share it across threads.
 * Every random number comes from the generator passed to {@link #reset} and {@link #step}, in a fixed order, so the
 * same seed, actions and environment parameters give the same trajectory.
 */
public interface Environment {

    /** Identifier of the environment and its variant, e.g. {@code "Taxi-v3"} or {@code "FrozenLake8x8-v1"}. */
    String name();

    /** Number of states; states are {@code 0 .. stateCount() - 1}. */
    int stateCount();

    /** The actions, in the order of their integer index. */
    List<Action> actions();

    /** Steps after which an episode is truncated, if the environment has a time limit. */
    OptionalInt timeLimit();

    /** Starts a new episode and returns its initial state. */
    int reset(RandomGenerator rng);

    /**
     * Takes one action in the current episode.
     *
     * @throws IllegalStateException before the first {@link #reset} or after the episode ended
     * @throws IllegalArgumentException for an action outside {@code 0 .. actions().size() - 1}
     */
    Step step(int action, RandomGenerator rng);

    /** The key an agent stores the state under: the Gymnasium observation number, or a readable encoding. */
    String stateKey(int state);

    /** The current state of the episode. */
    int state();

    /**
     * The context the last {@link #step} happened in (e.g. the market regime that produced its return), for read
     * models that group outcomes by it; empty for environments without such a context.
     */
    default Map<String, String> scope() {
        return Map.of();
    }

    default int actionCount() {
        return actions().size();
    }
}
