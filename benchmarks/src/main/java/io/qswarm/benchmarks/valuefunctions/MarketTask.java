package io.qswarm.benchmarks.valuefunctions;

import io.qswarm.environments.Environment;
import io.qswarm.environments.Step;
import io.qswarm.environments.market.MarketConfig;
import io.qswarm.environments.market.MarketEnvironment;
import io.qswarm.environments.market.MarketObservation;
import io.qswarm.environments.market.Quantization;
import io.qswarm.intelligence.valuefunction.Feature;
import io.qswarm.intelligence.valuefunction.FeatureSchema;
import io.qswarm.intelligence.valuefunction.StateFeatures;
import java.util.ArrayList;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * The market environment (default configuration) with its state key {@code p3|v1|up|s0|m2} read positionally as
 * price bucket, volume bucket, trend, scarcity (the position) and mood. The optimum is unknown (the regime is
 * hidden), so a greedy policy is scored by its mean reward per episode (bps) over a fixed set of evaluation episodes:
 * the same episode seeds for every policy and checkpoint (common random numbers), so differences between policies
 * are not sampling noise.
 */
final class MarketTask implements FactoredTask {

    private final MarketConfig config = MarketConfig.defaults();
    private final MarketEnvironment prototype = new MarketEnvironment(config);
    private final FeatureSchema schema;
    private final StateFeatures[] features;
    private final LearningSettings settings;
    private final int evaluationEpisodes;
    private final long evaluationSeed;

    MarketTask(LearningSettings settings, int evaluationEpisodes, long evaluationSeed) {
        if (evaluationEpisodes < 2) {
            throw new IllegalArgumentException("evaluationEpisodes must be >= 2, was " + evaluationEpisodes);
        }
        this.settings = settings;
        this.evaluationEpisodes = evaluationEpisodes;
        this.evaluationSeed = evaluationSeed;
        this.schema = schemaFor(config.quantization());
        this.features = new StateFeatures[prototype.stateCount()];
        for (int s = 0; s < features.length; s++) {
            features[s] = schema.parse(prototype.stateKey(s));
        }
    }

    /**
     * Q-learning γ 0.95, ε 1 → 0.01 (×0.998 per episode) as docs/learning.md trains the flat market, but with a step
     * size decaying from 0.05 to 0.001 (×0.9995 per episode): the rewards are noisy (about 100 bps per step), and with
     * a constant 0.05 the estimates stay so noisy that the greedy policy keeps flipping between checkpoints.
     */
    static MarketTask standard(int evaluationEpisodes) {
        return new MarketTask(
                new LearningSettings(0.95, 0.05, 0.9995, 0.001, 1.0, 0.998, 0.01), evaluationEpisodes, 20_240_601L);
    }

    /** The market's keys read positionally, with the values {@link MarketObservation#featureValues} declares. */
    static FeatureSchema schemaFor(Quantization quantization) {
        var features = new ArrayList<Feature>();
        MarketObservation.featureValues(quantization)
                .forEach((name, values) -> features.add(Feature.categorical(name, values)));
        return new FeatureSchema(FeatureSchema.Layout.POSITIONAL, features);
    }

    @Override
    public String name() {
        return MarketEnvironment.NAME;
    }

    @Override
    public Environment newEnvironment() {
        return new MarketEnvironment(config);
    }

    @Override
    public FeatureSchema schema() {
        return schema;
    }

    @Override
    public StateFeatures features(int state) {
        return features[state];
    }

    @Override
    public int stateCount() {
        return features.length;
    }

    @Override
    public int actionCount() {
        return prototype.actionCount();
    }

    @Override
    public double baseCost(int action) {
        return prototype.actions().get(action).baseCost();
    }

    @Override
    public LearningSettings settings() {
        return settings;
    }

    @Override
    public Evaluation evaluate(int[] policy) {
        MarketEnvironment environment = new MarketEnvironment(config);
        double sum = 0;
        double sumOfSquares = 0;
        var episodes = new SplittableRandom(evaluationSeed);
        for (int episode = 0; episode < evaluationEpisodes; episode++) {
            SplittableRandom rng = episodes.split();
            int state = environment.reset(rng);
            double total = 0;
            Step step;
            do {
                step = environment.step(policy[state], rng);
                total += step.reward();
                state = step.nextState();
            } while (!step.done());
            sum += total;
            sumOfSquares += total * total;
        }
        double mean = sum / evaluationEpisodes;
        double variance = Math.max(0, (sumOfSquares - evaluationEpisodes * mean * mean) / (evaluationEpisodes - 1));
        return new Evaluation(mean, Math.sqrt(variance / evaluationEpisodes));
    }

    @Override
    public OptionalDouble optimum() {
        return OptionalDouble.empty();
    }

    /** A hand-written policy and its score. */
    record ReferencePolicy(String name, Evaluation evaluation) {}

    /**
     * The best of the 16 policies that look at the mood only: long (buy when flat, hold when long) in a chosen set
     * of moods, flat (sell when long, hold when flat) in the others. A yardstick for the learned policies, since the
     * optimum of the hidden-regime market is unknown; the full set of moods is buy-and-hold.
     */
    ReferencePolicy bestMoodPolicy() {
        int scarcity = schema.position("scarcity");
        int mood = schema.position("mood");
        ReferencePolicy best = null;
        for (int longIn = 0; longIn < 1 << MarketObservation.MOODS; longIn++) {
            int[] policy = new int[features.length];
            for (int s = 0; s < features.length; s++) {
                boolean wantLong = (longIn & (1 << features[s].index(mood))) != 0;
                boolean isLong = features[s].index(scarcity) == 1;
                policy[s] = wantLong == isLong
                        ? MarketEnvironment.HOLD
                        : wantLong ? MarketEnvironment.BUY : MarketEnvironment.SELL;
            }
            Evaluation evaluation = evaluate(policy);
            if (best == null || evaluation.meanReturn() > best.evaluation().meanReturn()) {
                var moods = new ArrayList<String>();
                for (int m = 0; m < MarketObservation.MOODS; m++) {
                    if ((longIn & (1 << m)) != 0) {
                        moods.add("m" + m);
                    }
                }
                best = new ReferencePolicy("long in moods " + moods + ", flat otherwise", evaluation);
            }
        }
        return best;
    }
}
