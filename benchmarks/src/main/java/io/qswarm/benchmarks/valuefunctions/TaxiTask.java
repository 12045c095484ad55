package io.qswarm.benchmarks.valuefunctions;

import io.qswarm.environments.Environment;
import io.qswarm.environments.planning.HorizonEvaluation;
import io.qswarm.environments.toytext.TaxiEnvironment;
import io.qswarm.intelligence.valuefunction.Feature;
import io.qswarm.intelligence.valuefunction.FeatureSchema;
import io.qswarm.intelligence.valuefunction.StateFeatures;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * Taxi-v3 factored into (taxi cell, passenger location, destination): state keys such as
 * {@code taxi=3,2|passenger=R|dest=G}. A greedy policy is scored exactly: its expected return within the 200-step
 * limit from Gymnasium's 300 initial states, by dynamic programming over the known dynamics.
 */
final class TaxiTask implements FactoredTask {

    static final FeatureSchema SCHEMA = FeatureSchema.named(
            Feature.grid("taxi", 5, 5),
            Feature.categorical(
                    "passenger",
                    Stream.concat(TaxiEnvironment.STOP_NAMES.stream(), Stream.of(TaxiEnvironment.PASSENGER_IN_TAXI))
                            .toList()),
            Feature.categorical("dest", TaxiEnvironment.STOP_NAMES));

    private final TaxiEnvironment model = new TaxiEnvironment();
    private final StateFeatures[] features = new StateFeatures[TaxiEnvironment.STATES];
    private final LearningSettings settings;

    TaxiTask(LearningSettings settings) {
        this.settings = settings;
        for (int s = 0; s < features.length; s++) {
            features[s] = SCHEMA.parse(key(s));
        }
    }

    /** Q-learning γ 0.99, α 0.1 (constant), ε 1 → 0.01 (×0.999 per episode), as docs/learning.md trains flat Taxi. */
    static TaxiTask standard() {
        return new TaxiTask(new LearningSettings(0.99, 0.1, 1.0, 0.1, 1.0, 0.999, 0.01));
    }

    /** The factored key of a Taxi state ({@link TaxiEnvironment#factoredKey}). */
    static String key(int state) {
        return TaxiEnvironment.factoredKey(state);
    }

    @Override
    public String name() {
        return TaxiEnvironment.NAME;
    }

    @Override
    public Environment newEnvironment() {
        return new TaxiEnvironment();
    }

    @Override
    public FeatureSchema schema() {
        return SCHEMA;
    }

    @Override
    public StateFeatures features(int state) {
        return features[state];
    }

    @Override
    public int stateCount() {
        return TaxiEnvironment.STATES;
    }

    @Override
    public int actionCount() {
        return model.actionCount();
    }

    @Override
    public double baseCost(int action) {
        return model.actions().get(action).baseCost();
    }

    @Override
    public LearningSettings settings() {
        return settings;
    }

    @Override
    public Evaluation evaluate(int[] policy) {
        return new Evaluation(HorizonEvaluation.expectedReturn(model, policy, TaxiEnvironment.TIME_LIMIT, 1.0), 0.0);
    }

    @Override
    public OptionalDouble optimum() {
        return OptionalDouble.of(HorizonEvaluation.optimalExpectedReturn(model, TaxiEnvironment.TIME_LIMIT, 1.0));
    }
}
