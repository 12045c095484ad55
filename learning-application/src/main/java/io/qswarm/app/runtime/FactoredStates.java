package io.qswarm.app.runtime;

import io.qswarm.environments.Environment;
import io.qswarm.environments.market.MarketEnvironment;
import io.qswarm.environments.toytext.TaxiEnvironment;
import io.qswarm.intelligence.valuefunction.Feature;
import io.qswarm.intelligence.valuefunction.FeatureSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * How an environment's states spell their features for a table with a value function: the feature schema and the
 * state key of every environment state in that schema (docs/value-functions.md, "State features").
 *
 * <ul>
 *   <li>Taxi: {@code taxi=<row>,<col>|passenger=<R, G, Y, B or taxi>|dest=<R, G, Y or B>} (named), the taxi cell a
 *       5×5 grid — not the Gymnasium observation number a flat table uses;
 *   <li>market: its own keys {@code p3|v1|up|s0|m2} read positionally as price, volume, trend, scarcity and mood,
 *       with the buckets of the environment's quantization.
 * </ul>
 *
 * @param keys the key of environment state {@code s} in the schema
 */
public record FactoredStates(FeatureSchema schema, IntFunction<String> keys) {

    /** Taxi's factored schema. */
    public static final FeatureSchema TAXI = FeatureSchema.named(
            Feature.grid("taxi", 5, 5),
            Feature.categorical("passenger", passengerValues()),
            Feature.categorical("dest", TaxiEnvironment.STOP_NAMES));

    /** The market's positional schema for the feature values of its quantization. */
    public static FeatureSchema market(Map<String, List<String>> featureValues) {
        var features = new ArrayList<Feature>();
        featureValues.forEach((name, values) -> features.add(Feature.categorical(name, values)));
        return new FeatureSchema(FeatureSchema.Layout.POSITIONAL, features);
    }

    /** The factored states of {@code environment}, when its states have declared features. */
    public static Optional<FactoredStates> of(Environment environment) {
        if (environment instanceof TaxiEnvironment) {
            return Optional.of(new FactoredStates(TAXI, TaxiEnvironment::factoredKey));
        }
        if (environment instanceof MarketEnvironment market) {
            return Optional.of(new FactoredStates(market(market.featureValues()), market::stateKey));
        }
        return Optional.empty();
    }

    /**
     * The factored states of {@code environment} in {@code schema}.
     *
     * @throws IllegalArgumentException when the environment's states have no declared features, or other ones
     */
    public static FactoredStates in(Environment environment, FeatureSchema schema) {
        FactoredStates states = of(environment)
                .orElseThrow(() -> new IllegalArgumentException("a table with a value function needs an environment "
                        + "whose states have declared features (taxi, market); " + environment.name()
                        + " has none"));
        if (!states.schema().equals(schema)) {
            throw new IllegalArgumentException("the table's feature schema " + schema.names() + " (" + schema.layout()
                    + ") is not how " + environment.name() + " spells its states: " + states.schema());
        }
        return states;
    }

    private static List<String> passengerValues() {
        var values = new ArrayList<>(TaxiEnvironment.STOP_NAMES);
        values.add(TaxiEnvironment.PASSENGER_IN_TAXI);
        return values;
    }
}
