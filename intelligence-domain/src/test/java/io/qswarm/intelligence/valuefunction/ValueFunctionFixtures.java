package io.qswarm.intelligence.valuefunction;

import java.util.List;
import java.util.Map;

/** Schemas and specs of every kind, for the value-function tests. */
final class ValueFunctionFixtures {

    /** Taxi-v3 factored: {@code taxi=3,2|passenger=R|dest=G}. 500 states, 6 actions. */
    static final FeatureSchema TAXI = FeatureSchema.named(
            Feature.grid("taxi", 5, 5),
            Feature.categorical("passenger", "R", "G", "Y", "B", "taxi"),
            Feature.categorical("dest", "R", "G", "Y", "B"));

    /** The market's positional keys: {@code p3|v1|up|s0|m2}. 504 states, 3 actions. */
    static final FeatureSchema MARKET = FeatureSchema.positional(
            Feature.categorical("price", "p0", "p1", "p2", "p3", "p4", "p5", "p6"),
            Feature.categorical("volume", "v0", "v1", "v2"),
            Feature.categorical("trend", "down", "flat", "up"),
            Feature.categorical("scarcity", "s0", "s1"),
            Feature.categorical("mood", "m0", "m1", "m2", "m3"));

    /** A small schema with a continuous feature, for tile coding and property tests: 2 × 3 × 4 buckets. */
    static final FeatureSchema SMALL = FeatureSchema.named(
            Feature.categorical("regime", "calm", "storm"),
            Feature.categorical("level", "low", "mid", "high"),
            Feature.numeric("signal", 0.0, 1.0, 4));

    private ValueFunctionFixtures() {}

    /** One spec of every kind over {@link #SMALL} with 3 actions. */
    static List<ValueFunctionSpec> everyKindOverSmall() {
        return List.of(
                new ValueFunctionSpec.Tabular(SMALL, 3),
                new ValueFunctionSpec.Additive(SMALL, 3),
                new ValueFunctionSpec.Hierarchical(
                        SMALL, 3, "regime", List.of("level"), Map.of("storm", List.of("level", "signal"))),
                new ValueFunctionSpec.LowRank(SMALL, 3, 2, 11L, 0.1),
                new ValueFunctionSpec.Cp(SMALL, 3, 2, 11L, 0.1),
                new ValueFunctionSpec.TileCoding(SMALL, 3, 4, 64, Map.of("signal", 0.5)));
    }

    static ValueFunctionSpec.Communication communication() {
        return new ValueFunctionSpec.Communication(
                List.of("sun", "fog", "storm"), new CueScoring(0.0, 0.1, 0.2, List.of("storm")));
    }
}
