package io.qswarm.benchmarks.valuefunctions;

import io.qswarm.environments.Step;
import io.qswarm.environments.market.MarketEnvironment;
import io.qswarm.intelligence.valuefunction.CommunicationTable;
import io.qswarm.intelligence.valuefunction.Cue;
import io.qswarm.intelligence.valuefunction.CueScoring;
import io.qswarm.intelligence.valuefunction.StateFeatures;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A communication table learning its cues on the market while the trading side stays long (so every step's reward
 * is the market's move): context = (last outcome, mood, cue shown), ε-greedy cues (ε 0.1), α 0.005 (the cue
 * scores are ±1 coin flips with a small edge, so a small step is needed to tell the cues apart). Then the greedy
 * cues are played on fresh steps and scored: how often what they claim comes true, against the base rates.
 */
final class CommunicationBenchmark {

    static final List<String> MOODS = List.of("panic", "fear", "neutral", "greed");
    static final CueScoring SCORING = new CueScoring(25.0, 0.05, 0.1, List.of("panic"));
    static final double ALPHA = 0.005;
    static final double EPSILON = 0.1;

    /**
     * @param greedyCue the learned cue per mood after a flat step, with nothing, a positive cue, an alert shown
     * @param cueShare fraction of evaluation steps showing each cue after the step
     * @param lossRate base rate of a loss (bps below −threshold) over the evaluation steps
     * @param lossAfterAlert rate of a loss on steps that followed an alert on display
     * @param gainRate base rate of a gain
     * @param gainAfterPositive rate of a gain on steps that followed a positive cue on display
     */
    record Result(
            int trainingSteps,
            int parameters,
            int evaluationSteps,
            Map<String, List<String>> greedyCue,
            Map<Cue, Double> cueShare,
            double lossRate,
            double lossAfterAlert,
            double gainRate,
            double gainAfterPositive) {}

    private CommunicationBenchmark() {}

    static Result run(int trainingSteps, int evaluationSteps, long seed) {
        CommunicationTable table = CommunicationTable.create(MOODS, SCORING);
        var seeds = new SplittableRandom(seed);
        SplittableRandom explore = seeds.split();
        SplittableRandom world = seeds.split();
        var environment = new MarketEnvironment();
        var state = new Walk(environment, world);
        for (int t = 0; t < trainingSteps; t++) {
            StateFeatures context = state.context(table);
            Cue cue = explore.nextDouble() < EPSILON
                    ? Cue.ofAction(explore.nextInt(Cue.values().length))
                    : table.cue(context);
            double reward = state.step();
            table.learn(context, cue, reward, ALPHA);
            state.show(cue);
        }
        var greedy = new LinkedHashMap<String, List<String>>();
        for (String mood : MOODS) {
            greedy.put(
                    mood,
                    List.of(Cue.Shown.values()).stream()
                            .map(shown ->
                                    table.cue(table.context(0.0, mood, shown)).key())
                            .toList());
        }
        var counts = new EnumMap<Cue, Integer>(Cue.class);
        int losses = 0;
        int gains = 0;
        int alerts = 0;
        int lossesAfterAlert = 0;
        int positives = 0;
        int gainsAfterPositive = 0;
        var evaluation = new Walk(new MarketEnvironment(), new SplittableRandom(seed ^ 0x5deece66dL));
        for (int t = 0; t < evaluationSteps; t++) {
            Cue cue = table.cue(evaluation.context(table));
            evaluation.show(cue);
            counts.merge(cue, 1, Integer::sum);
            String outcome = SCORING.outcome(evaluation.step());
            boolean loss = outcome.equals("loss");
            boolean gain = outcome.equals("gain");
            losses += loss ? 1 : 0;
            gains += gain ? 1 : 0;
            if (evaluation.shown == Cue.Shown.ALERT) {
                alerts++;
                lossesAfterAlert += loss ? 1 : 0;
            }
            if (evaluation.shown == Cue.Shown.POSITIVE) {
                positives++;
                gainsAfterPositive += gain ? 1 : 0;
            }
        }
        var share = new EnumMap<Cue, Double>(Cue.class);
        for (Cue cue : Cue.values()) {
            share.put(cue, counts.getOrDefault(cue, 0) / (double) evaluationSteps);
        }
        return new Result(
                trainingSteps,
                table.parameterCount(),
                evaluationSteps,
                greedy,
                share,
                losses / (double) evaluationSteps,
                alerts == 0 ? Double.NaN : lossesAfterAlert / (double) alerts,
                gains / (double) evaluationSteps,
                positives == 0 ? Double.NaN : gainsAfterPositive / (double) positives);
    }

    /** The market as the cue table lives it: always long, endless (a new episode when one is truncated). */
    private static final class Walk {
        private final MarketEnvironment environment;
        private final SplittableRandom rng;
        private double lastReward;
        private Cue.Shown shown = Cue.Shown.NONE;

        Walk(MarketEnvironment environment, SplittableRandom rng) {
            this.environment = environment;
            this.rng = rng;
            environment.reset(rng);
        }

        StateFeatures context(CommunicationTable table) {
            return table.context(lastReward, MOODS.get(environment.observation().mood()), shown);
        }

        void show(Cue cue) {
            shown = cue.displayAfter(shown);
        }

        double step() {
            Step step = environment.step(MarketEnvironment.BUY, rng);
            lastReward = step.reward();
            if (step.done()) {
                environment.reset(rng);
            }
            return lastReward;
        }
    }
}
