package io.qswarm.projections.edge;

import io.qswarm.intelligence.api.Checks;
import io.qswarm.projections.edge.api.MultiplierVector;
import java.time.Duration;
import java.util.List;

/**
 * Every parameter of the edge-score read model, with the defaults of docs/edge-score.md. The read model stores values
 * computed with the settings in force when each row was written: rebuild it after changing them.
 *
 * @param signal what the raw edge averages
 * @param ewmaRate η of the raw-edge EWMA
 * @param patterns declared feature subsets (an empty subset = the whole state key)
 * @param regimeKeys the scope keys that form the regime signature (empty = all of them)
 * @param clock the time axis
 * @param timeUnit one clock unit under {@link EdgeClock#EVENT_TIME}
 * @param bucketWidth the width of one edge-history bucket, in clock units
 * @param historyCap how many buckets each pattern row keeps (the newest)
 * @param recurrenceTarget {@code n_target} of the recurrence multiplier
 * @param wilsonZ {@code z} of the coherence multiplier's Wilson bound
 * @param rateTarget the edge rate (reward per clock unit) at which time efficiency reaches 0.8808
 * @param minSpan the smallest span time efficiency divides by, in clock units
 * @param halfLifeTarget the half-life (clock units) at which the half-life multiplier reaches 0.8808
 * @param minFitPoints usable history points below which the half-life is unknown
 * @param defaultWeights multiplier weights of a regime without enough samples
 * @param minRegimeSamples samples a (regime, category) needs before its learned weights count
 * @param correlationZ how many standard errors ({@code 1/√n}) a multiplier's correlation must clear to earn weight
 * @param clusterThreshold {@code |ρ|} at which patterns join one factor and a member is redundant
 * @param minOverlap common buckets two series need for a correlation
 * @param maxPatternsPerGroup patterns (most samples first) one orthogonalization considers per category and regime
 */
public record EdgeScoreSettings(
        EdgeSignal signal,
        double ewmaRate,
        List<List<String>> patterns,
        List<String> regimeKeys,
        EdgeClock clock,
        Duration timeUnit,
        double bucketWidth,
        int historyCap,
        double recurrenceTarget,
        double wilsonZ,
        double rateTarget,
        double minSpan,
        double halfLifeTarget,
        int minFitPoints,
        MultiplierVector defaultWeights,
        int minRegimeSamples,
        double correlationZ,
        double clusterThreshold,
        int minOverlap,
        int maxPatternsPerGroup) {

    /** Most history buckets a row keeps (32 KiB of history per row). */
    public static final int MAX_HISTORY_CAP = 1024;

    public EdgeScoreSettings {
        Checks.required("signal", signal);
        Checks.required("clock", clock);
        Checks.required("timeUnit", timeUnit);
        Checks.required("defaultWeights", defaultWeights);
        if (timeUnit.isNegative() || timeUnit.isZero()) {
            throw new IllegalArgumentException("timeUnit must be positive, was " + timeUnit);
        }
        Recurrence.positive("bucketWidth", bucketWidth);
        if (historyCap < 2 || historyCap > MAX_HISTORY_CAP) {
            throw new IllegalArgumentException("historyCap must be in [2, " + MAX_HISTORY_CAP + "], was " + historyCap);
        }
        if (maxPatternsPerGroup < 1) {
            throw new IllegalArgumentException("maxPatternsPerGroup must be at least 1, was " + maxPatternsPerGroup);
        }
        patterns =
                Checks.required("patterns", patterns).stream().map(List::copyOf).toList();
        regimeKeys = List.copyOf(Checks.required("regimeKeys", regimeKeys));
        // build every part once so a bad value fails here, with its name
        new Ewma(ewmaRate);
        new PatternSelector(patterns);
        new Recurrence(recurrenceTarget);
        new Coherence(wilsonZ);
        new TimeEfficiency(rateTarget, minSpan);
        new HalfLife(halfLifeTarget, minFitPoints);
        new WeightLearning(defaultWeights, minRegimeSamples, correlationZ);
        new FactorClustering(clusterThreshold, new OutcomeCorrelation(minOverlap));
    }

    public static EdgeScoreSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .signal(signal)
                .ewmaRate(ewmaRate)
                .patterns(patterns)
                .regimeKeys(regimeKeys)
                .clock(clock)
                .timeUnit(timeUnit)
                .bucketWidth(bucketWidth)
                .historyCap(historyCap)
                .recurrenceTarget(recurrenceTarget)
                .wilsonZ(wilsonZ)
                .rateTarget(rateTarget)
                .minSpan(minSpan)
                .halfLifeTarget(halfLifeTarget)
                .minFitPoints(minFitPoints)
                .defaultWeights(defaultWeights)
                .minRegimeSamples(minRegimeSamples)
                .correlationZ(correlationZ)
                .clusterThreshold(clusterThreshold)
                .minOverlap(minOverlap)
                .maxPatternsPerGroup(maxPatternsPerGroup);
    }

    Ewma ewma() {
        return new Ewma(ewmaRate);
    }

    PatternSelector selector() {
        return new PatternSelector(patterns);
    }

    RegimeSignature regimeSignature() {
        return new RegimeSignature(regimeKeys);
    }

    Recurrence recurrence() {
        return new Recurrence(recurrenceTarget);
    }

    Coherence coherence() {
        return new Coherence(wilsonZ);
    }

    TimeEfficiency timeEfficiency() {
        return new TimeEfficiency(rateTarget, minSpan);
    }

    HalfLife halfLife() {
        return new HalfLife(halfLifeTarget, minFitPoints);
    }

    WeightLearning weightLearning() {
        return new WeightLearning(defaultWeights, minRegimeSamples, correlationZ);
    }

    FactorClustering clustering() {
        return new FactorClustering(clusterThreshold, new OutcomeCorrelation(minOverlap));
    }

    /** Fluent construction starting from the defaults. */
    public static final class Builder {
        private EdgeSignal signal = EdgeSignal.REWARD;
        private double ewmaRate = 0.1;
        private List<List<String>> patterns = List.of(List.of());
        private List<String> regimeKeys = List.of();
        private EdgeClock clock = EdgeClock.EPISODES;
        private Duration timeUnit = Duration.ofDays(1);
        private double bucketWidth = 1.0;
        private int historyCap = 32;
        private double recurrenceTarget = 20;
        private double wilsonZ = 1.96;
        private double rateTarget = 1.0;
        private double minSpan = 1.0;
        private double halfLifeTarget = 100;
        private int minFitPoints = 4;
        private MultiplierVector defaultWeights = MultiplierVector.uniform(1.0);
        private int minRegimeSamples = 30;
        private double correlationZ = 1.96;
        private double clusterThreshold = 0.8;
        private int minOverlap = 5;
        private int maxPatternsPerGroup = 200;

        private Builder() {}

        public Builder signal(EdgeSignal value) {
            signal = value;
            return this;
        }

        public Builder ewmaRate(double value) {
            ewmaRate = value;
            return this;
        }

        public Builder patterns(List<List<String>> value) {
            patterns = value;
            return this;
        }

        public Builder regimeKeys(List<String> value) {
            regimeKeys = value;
            return this;
        }

        public Builder clock(EdgeClock value) {
            clock = value;
            return this;
        }

        public Builder timeUnit(Duration value) {
            timeUnit = value;
            return this;
        }

        public Builder bucketWidth(double value) {
            bucketWidth = value;
            return this;
        }

        public Builder historyCap(int value) {
            historyCap = value;
            return this;
        }

        public Builder recurrenceTarget(double value) {
            recurrenceTarget = value;
            return this;
        }

        public Builder wilsonZ(double value) {
            wilsonZ = value;
            return this;
        }

        public Builder rateTarget(double value) {
            rateTarget = value;
            return this;
        }

        public Builder minSpan(double value) {
            minSpan = value;
            return this;
        }

        public Builder halfLifeTarget(double value) {
            halfLifeTarget = value;
            return this;
        }

        public Builder minFitPoints(int value) {
            minFitPoints = value;
            return this;
        }

        public Builder defaultWeights(MultiplierVector value) {
            defaultWeights = value;
            return this;
        }

        public Builder minRegimeSamples(int value) {
            minRegimeSamples = value;
            return this;
        }

        public Builder correlationZ(double value) {
            correlationZ = value;
            return this;
        }

        public Builder clusterThreshold(double value) {
            clusterThreshold = value;
            return this;
        }

        public Builder minOverlap(int value) {
            minOverlap = value;
            return this;
        }

        public Builder maxPatternsPerGroup(int value) {
            maxPatternsPerGroup = value;
            return this;
        }

        public EdgeScoreSettings build() {
            return new EdgeScoreSettings(
                    signal,
                    ewmaRate,
                    patterns,
                    regimeKeys,
                    clock,
                    timeUnit,
                    bucketWidth,
                    historyCap,
                    recurrenceTarget,
                    wilsonZ,
                    rateTarget,
                    minSpan,
                    halfLifeTarget,
                    minFitPoints,
                    defaultWeights,
                    minRegimeSamples,
                    correlationZ,
                    clusterThreshold,
                    minOverlap,
                    maxPatternsPerGroup);
        }
    }
}
