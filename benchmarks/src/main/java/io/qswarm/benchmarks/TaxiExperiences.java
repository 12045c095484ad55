package io.qswarm.benchmarks;

import io.qswarm.intelligence.api.ActionSpec;
import io.qswarm.intelligence.api.Experience;
import io.qswarm.intelligence.api.StateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded, endless stream of experiences from Dietterich's taxi domain (a 5×5 grid with four landmarks: 500 states,
 * 6 actions), as an agent exploring with a uniformly random policy lives them. Moves cost 1; a wrong pickup or
 * drop-off costs 10; delivering the passenger earns 20 and ends the episode; an episode is cut after
 * {@value #MAX_EPISODE_STEPS} steps, as Gym's {@code Taxi-v3} does. The same seed always yields the same stream.
 */
final class TaxiExperiences {

    static final int STATES = 500;
    static final List<ActionSpec> ACTIONS = List.of(
            ActionSpec.of("south", 0.0),
            ActionSpec.of("north", 0.0),
            ActionSpec.of("east", 0.0),
            ActionSpec.of("west", 0.0),
            ActionSpec.of("pickup", 0.0),
            ActionSpec.of("dropoff", 0.0));

    static final int MAX_EPISODE_STEPS = 200;
    private static final int SIZE = 5;
    private static final int IN_TAXI = 4;
    private static final int[][] LANDMARKS = {{0, 0}, {0, 4}, {4, 0}, {4, 3}};
    private static final double MOVE = -1.0;
    private static final double WRONG_PICKUP_OR_DROPOFF = -10.0;
    private static final double DELIVERY = 20.0;

    /** A chunk of consecutive experiences, and whether its last one closed an episode. */
    record Batch(List<Experience> experiences, boolean endsEpisode) {}

    private final SplittableRandom random;
    private final StateKey[] keys = new StateKey[STATES];
    private int row;
    private int col;
    private int passenger;
    private int destination;
    private int steps;

    TaxiExperiences(long seed) {
        this.random = new SplittableRandom(seed);
        for (int state = 0; state < STATES; state++) {
            keys[state] = StateKey.of(Integer.toString(state));
        }
        startEpisode();
    }

    Batch next(int size) {
        var experiences = new ArrayList<Experience>(size);
        boolean endsEpisode = false;
        for (int i = 0; i < size; i++) {
            endsEpisode = step(experiences);
        }
        return new Batch(experiences, endsEpisode);
    }

    /** Takes one random action, appends what happened, and tells whether the episode ended. */
    private boolean step(List<Experience> into) {
        StateKey state = keys[state()];
        int action = random.nextInt(ACTIONS.size());
        String name = ACTIONS.get(action).name();
        double reward = act(action);
        steps++;
        if (reward == DELIVERY) {
            into.add(Experience.terminal(state, name, reward));
            startEpisode();
            return true;
        }
        into.add(Experience.transition(state, name, reward, keys[state()]));
        if (steps == MAX_EPISODE_STEPS) {
            startEpisode();
            return true;
        }
        return false;
    }

    private double act(int action) {
        switch (action) {
            case 0 -> row = Math.min(SIZE - 1, row + 1);
            case 1 -> row = Math.max(0, row - 1);
            case 2 -> col = Math.min(SIZE - 1, col + 1);
            case 3 -> col = Math.max(0, col - 1);
            case 4 -> {
                if (passenger == IN_TAXI || !at(passenger)) {
                    return WRONG_PICKUP_OR_DROPOFF;
                }
                passenger = IN_TAXI;
            }
            default -> {
                if (passenger != IN_TAXI || !at(destination)) {
                    return WRONG_PICKUP_OR_DROPOFF;
                }
                return DELIVERY;
            }
        }
        return MOVE;
    }

    private boolean at(int landmark) {
        return LANDMARKS[landmark][0] == row && LANDMARKS[landmark][1] == col;
    }

    private int state() {
        return ((row * SIZE + col) * SIZE + passenger) * LANDMARKS.length + destination;
    }

    private void startEpisode() {
        row = random.nextInt(SIZE);
        col = random.nextInt(SIZE);
        passenger = random.nextInt(LANDMARKS.length);
        destination = (passenger + 1 + random.nextInt(LANDMARKS.length - 1)) % LANDMARKS.length;
        steps = 0;
    }
}
