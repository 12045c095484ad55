package io.qswarm.environments;

import java.util.List;
import java.util.random.RandomGenerator;

/** Categorical sampling shared by the environments, with Gymnasium's rule. */
public final class Sampling {

    private Sampling() {}

    /**
     * Gymnasium's {@code categorical_sample}: draws one uniform {@code u} and returns the first index whose cumulative
     * probability exceeds it ({@code argmax(cumsum(p) > u)}). Exactly one random number is consumed per call, even when
     * one outcome is certain, so trajectories stay aligned across environments of different stochasticity.
     */
    public static int categorical(double[] probabilities, RandomGenerator rng) {
        double u = rng.nextDouble();
        double cumulative = 0;
        int last = -1;
        for (int i = 0; i < probabilities.length; i++) {
            if (probabilities[i] > 0) {
                last = i;
            }
            cumulative += probabilities[i];
            if (cumulative > u) {
                return i;
            }
        }
        if (last < 0) {
            throw new IllegalArgumentException("no outcome has a positive probability");
        }
        return last; // rounding: the probabilities summed to slightly less than u
    }

    /** Samples one of the transitions by their probabilities, with {@link #categorical}'s rule. */
    public static int transition(List<Transition> transitions, RandomGenerator rng) {
        double[] probabilities = new double[transitions.size()];
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] = transitions.get(i).probability();
        }
        return categorical(probabilities, rng);
    }
}
