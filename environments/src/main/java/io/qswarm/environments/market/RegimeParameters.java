package io.qswarm.environments.market;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The knobs of one regime.
 *
 * @param drift mean log-return per step
 * @param volatilityMultiplier factor on the config's {@code baseVolatility}
 * @param shockMultiplier factor on the config's {@code shockProbability} (the product is capped at 1)
 * @param downShockShare probability that a shock is a drop rather than a jump
 * @param initialWeight relative weight of starting an episode in this regime (weights are normalised)
 * @param transitions probability of each regime at the next step; sums to 1
 */
public record RegimeParameters(
        double drift,
        double volatilityMultiplier,
        double shockMultiplier,
        double downShockShare,
        double initialWeight,
        Map<Regime, Double> transitions) {

    public RegimeParameters {
        EnumMap<Regime, Double> copy = new EnumMap<>(Regime.class);
        if (transitions != null) {
            copy.putAll(transitions);
        }
        transitions = Collections.unmodifiableMap(copy);
    }

    public double transition(Regime to) {
        return transitions.getOrDefault(to, 0.0);
    }
}
