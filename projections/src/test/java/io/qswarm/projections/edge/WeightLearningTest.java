package io.qswarm.projections.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qswarm.projections.edge.api.MultiplierVector;
import org.junit.jupiter.api.Test;

/** Regime-specific weights from the correlation of each multiplier with the realized edge that followed. */
class WeightLearningTest {

    private static final MultiplierVector DEFAULTS = MultiplierVector.uniform(1.0);

    /**
     * Three samples, z = 1, 2, 3 (deviations −1, 0, 1; Σdz² = 2):
     *
     * <pre>
     * recurrence 0.5, 0.6, 0.7  deviations −0.1, 0, 0.1   Σdm·dz = 0.2, Σdm² = 0.02 → ρ = 0.2/√0.04 = 1
     * coherence  0.7, 0.6, 0.5  the mirror image                                     → ρ = −1
     * time       0.5, 0.5, 0.5  constant                                              → ρ = 0 (undefined)
     * half-life  0.5, 0.7, 0.6  deviations −0.1, 0.1, 0    Σdm·dz = 0.1, Σdm² = 0.02 → ρ = 0.1/√0.04 = 0.5
     * </pre>
     */
    private static RegimeStatistics threeSamples() {
        var statistics = new RegimeStatistics();
        statistics.add(new MultiplierVector(0.5, 0.7, 0.5, 0.5), 1.0);
        statistics.add(new MultiplierVector(0.6, 0.6, 0.5, 0.7), 2.0);
        statistics.add(new MultiplierVector(0.7, 0.5, 0.5, 0.6), 3.0);
        return statistics;
    }

    @Test
    void welfordGivesThePearsonCorrelationOfEachMultiplier() {
        var rho = threeSamples().correlations();

        assertThat(rho.recurrence()).isCloseTo(1.0, within(1e-12));
        assertThat(rho.coherence()).isCloseTo(-1.0, within(1e-12));
        assertThat(rho.timeEfficiency()).isZero();
        assertThat(rho.halfLife()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void learnedWeightsFollowThePositiveCorrelationsAndConfidenceBlendsThemWithTheDefaults() {
        // z = 0: every positive correlation counts in full
        var weights = new WeightLearning(DEFAULTS, 2, 0).weights(threeSamples());

        // learned = 4·(1, 0, 0, 0.5) / 1.5 = (2.6667, 0, 0, 1.3333)
        assertThat(weights.learned().recurrence()).isCloseTo(8.0 / 3, within(1e-12));
        assertThat(weights.learned().coherence()).isZero();
        assertThat(weights.learned().timeEfficiency()).isZero();
        assertThat(weights.learned().halfLife()).isCloseTo(4.0 / 3, within(1e-12));
        // n = 3, n_min = 2: confidence = 1 − 2/3 = 1/3
        assertThat(weights.samples()).isEqualTo(3);
        assertThat(weights.confidence()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(weights.fallback()).isFalse();
        // effective = 1 + (1/3)·(learned − 1) = (1 + 5/9, 2/3, 2/3, 1 + 1/9); the sum stays 4
        assertThat(weights.effective().recurrence()).isCloseTo(14.0 / 9, within(1e-12));
        assertThat(weights.effective().coherence()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(weights.effective().timeEfficiency()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(weights.effective().halfLife()).isCloseTo(10.0 / 9, within(1e-12));
        assertThat(weights.effective().sum()).isCloseTo(4.0, within(1e-12));
    }

    @Test
    void onlyThePartOfACorrelationAboveItsNoiseLevelEarnsWeight() {
        // z = 0.5, n = 3: noise = 0.5/√3 = 0.288675; ρ* = (1 − 0.288675, 0, 0, 0.5 − 0.288675) = (0.711325, 0, 0,
        // 0.211325), sum 0.922650; learned = 4·ρ*/0.922650 = (3.083835, 0, 0, 0.916165)
        var learned =
                new WeightLearning(DEFAULTS, 2, 0.5).weights(threeSamples()).learned();

        assertThat(learned.recurrence()).isCloseTo(3.083835, within(1e-6));
        assertThat(learned.coherence()).isZero();
        assertThat(learned.timeEfficiency()).isZero();
        assertThat(learned.halfLife()).isCloseTo(0.916165, within(1e-6));
    }

    @Test
    void correlationsThatNoiseCouldExplainLeaveTheDefaults() {
        // z = 1.96, n = 3: noise = 1.1316 > every ρ
        var weights = new WeightLearning(DEFAULTS, 2, 1.96).weights(threeSamples());

        assertThat(weights.learned()).isEqualTo(DEFAULTS);
        assertThat(weights.effective()).isEqualTo(DEFAULTS);
        assertThat(weights.fallback()).isFalse();
    }

    @Test
    void aRegimeBelowTheMinimumSampleCountUsesTheDefaults() {
        var weights = new WeightLearning(DEFAULTS, 5, 0).weights(threeSamples());

        assertThat(weights.fallback()).isTrue();
        assertThat(weights.samples()).isEqualTo(3);
        assertThat(weights.confidence()).isZero();
        assertThat(weights.effective()).isEqualTo(DEFAULTS);
        assertThat(weights.correlations().recurrence()).isCloseTo(1.0, within(1e-12)); // still reported
    }

    @Test
    void exactlyTheMinimumGivesConfidenceZeroSoWeightsDoNotJump() {
        var weights = new WeightLearning(DEFAULTS, 3, 0).weights(threeSamples());

        assertThat(weights.fallback()).isFalse();
        assertThat(weights.confidence()).isZero();
        assertThat(weights.effective()).isEqualTo(DEFAULTS);
    }

    @Test
    void whenNoMultiplierCorrelatesPositivelyTheLearnedWeightsAreTheDefaults() {
        var statistics = new RegimeStatistics();
        statistics.add(new MultiplierVector(0.9, 0.9, 0.9, 0.9), 1.0);
        statistics.add(new MultiplierVector(0.5, 0.5, 0.5, 0.5), 2.0);

        assertThat(new WeightLearning(DEFAULTS, 1, 0).learned(statistics.correlations(), 2))
                .isEqualTo(DEFAULTS);
    }

    @Test
    void statisticsSurviveAStoreRoundTrip() {
        var original = threeSamples();
        var copy = new RegimeStatistics(
                original.samples(), original.meanZ(), original.m2Z(), original.mean(), original.m2(), original.co());

        original.add(new MultiplierVector(0.8, 0.5, 0.5, 0.9), 4.0);
        copy.add(new MultiplierVector(0.8, 0.5, 0.5, 0.9), 4.0);

        assertThat(copy.correlations()).isEqualTo(original.correlations());
    }
}
