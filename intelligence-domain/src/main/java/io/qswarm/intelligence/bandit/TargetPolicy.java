package io.qswarm.intelligence.bandit;

import java.util.Arrays;
import java.util.function.ToIntFunction;

/** A policy to evaluate off-policy: its action probabilities in a context. */
@FunctionalInterface
public interface TargetPolicy {

    /** Writes {@code π(a | x)} for every action into {@code probabilities}. */
    void probabilities(double[] context, double[] probabilities);

    /** The deterministic policy that always picks {@code chooser}'s action. */
    static TargetPolicy deterministic(ToIntFunction<double[]> chooser) {
        return (context, probabilities) -> {
            Arrays.fill(probabilities, 0.0);
            probabilities[chooser.applyAsInt(context)] = 1.0;
        };
    }
}
