package io.qswarm.projections.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qswarm.projections.edge.api.MultiplierVector;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The raw edge, the bounded multipliers and the final score, each against hand-computed values. */
class MultipliersTest {

    private static final double EXACT = 1e-12;
    /** 0.5 + 0.5·tanh(1) = 0.5 + 0.5·0.7615941559557649. */
    private static final double HALF_TANH_ONE = 0.8807970779778823;

    @Nested
    class RawEdge {

        @Test
        void theFirstObservationStartsTheAverageAndLaterOnesMoveItByTheRate() {
            var ewma = new Ewma(0.5);

            double e1 = ewma.next(0.0, 0, 4.0); // e1 = x1 = 4
            double e2 = ewma.next(e1, 1, 2.0); // 4 + 0.5·(2 − 4) = 3
            double e3 = ewma.next(e2, 2, 6.0); // 3 + 0.5·(6 − 3) = 4.5

            assertThat(e1).isEqualTo(4.0);
            assertThat(e2).isEqualTo(3.0);
            assertThat(e3).isEqualTo(4.5);
        }

        @Test
        void aRateOutsideZeroToOneIsRefused() {
            assertThatThrownBy(() -> new Ewma(0.0)).hasMessageContaining("(0, 1]");
            assertThatThrownBy(() -> new Ewma(1.5)).hasMessageContaining("(0, 1]");
            assertThatThrownBy(() -> new Ewma(Double.NaN)).hasMessageContaining("finite");
        }
    }

    @Nested
    class RecurrenceMultiplier {

        @Test
        void followsHalfTanhOfSamplesOverTarget() {
            var recurrence = new Recurrence(20);

            assertThat(recurrence.multiplier(0)).isEqualTo(0.5); // 0.5 + 0.5·tanh(0)
            // 0.5 + 0.5·tanh(10/20) = 0.5 + 0.5·0.46211715726000974 = 0.7310585786300049
            assertThat(recurrence.multiplier(10)).isCloseTo(0.7310585786300049, within(EXACT));
            assertThat(recurrence.multiplier(20)).isCloseTo(HALF_TANH_ONE, within(EXACT)); // tanh(20/20)
            assertThat(recurrence.multiplier(1_000)).isCloseTo(1.0, within(EXACT));
        }
    }

    @Nested
    class CoherenceMultiplier {

        private final Coherence coherence = new Coherence(2.0);

        @Test
        void aPerfectlyConsistentPatternScoresItsWilsonBound() {
            // k = 8, p = 1, z = 2: L = (1 + 4/16 − 2·√(0 + 4/256)) / (1 + 4/8) = (1.25 − 0.25) / 1.5 = 2/3
            assertThat(coherence.wilsonLowerBound(8, 0)).isCloseTo(2.0 / 3, within(EXACT));
            assertThat(coherence.multiplier(0, 8)).isCloseTo(2.0 / 3, within(EXACT));
        }

        @Test
        void aMostlyConsistentPatternScoresTheLowerBoundOfItsMajorityShare() {
            // k = 50, p = 40/50 = 0.8, z = 2: z²/2k = 0.04, p(1−p)/k = 0.0032, z²/4k² = 0.0004, √0.0036 = 0.06
            // L = (0.8 + 0.04 − 2·0.06) / (1 + 4/50) = 0.72 / 1.08 = 2/3
            assertThat(coherence.multiplier(40, 10)).isCloseTo(2.0 / 3, within(EXACT));
        }

        @Test
        void aCoinFlipOrNoSignedOutcomeScoresOneHalf() {
            // k = 8, p = 0.75: L = (0.75 + 0.25 − 2·√(0.0234375 + 0.015625)) / 1.5 = (1 − 0.39528) / 1.5 = 0.40314
            assertThat(coherence.wilsonLowerBound(6, 2)).isCloseTo(0.4031435, within(1e-6));
            assertThat(coherence.multiplier(6, 2)).isEqualTo(0.5); // max(0.5, 0.403)
            assertThat(coherence.multiplier(5, 5)).isEqualTo(0.5);
            assertThat(coherence.wilsonLowerBound(0, 0)).isZero();
            assertThat(coherence.multiplier(0, 0)).isEqualTo(0.5);
        }

        @Test
        void theDefaultZOfOnePointNineSixGivesTenOfTenAboutSeventyTwoPercent() {
            // p = 1: L = k / (k + z²) = 10 / 13.8416 = 0.722460
            assertThat(new Coherence(1.96).multiplier(10, 0)).isCloseTo(10 / 13.8416, within(EXACT));
        }
    }

    @Nested
    class TimeEfficiencyMultiplier {

        private final TimeEfficiency timeEfficiency = new TimeEfficiency(1.5, 2.0);

        @Test
        void isTheEdgeRatePerClockUnitSquashed() {
            // S = 6 over t = 10..14: rate = |6| / max(4, 2) = 1.5; 0.5 + 0.5·tanh(1.5/1.5)
            assertThat(timeEfficiency.rate(6, 10, 14)).isEqualTo(1.5);
            assertThat(timeEfficiency.multiplier(6, 10, 14)).isCloseTo(HALF_TANH_ONE, within(EXACT));
        }

        @Test
        void aPatternSeenAtOneInstantDividesByTheMinimumSpanAndTheSignDoesNotMatter() {
            // S = −3, span 0 → max(0, 2) = 2: rate = 1.5
            assertThat(timeEfficiency.rate(-3, 7, 7)).isEqualTo(1.5);
            assertThat(timeEfficiency.multiplier(0, 7, 7)).isEqualTo(0.5);
        }
    }

    @Nested
    class Score {

        @Test
        void defaultWeightsMultiplyTheMultipliers() {
            var m = new MultiplierVector(0.5, 1.0, 0.8, 0.5);

            // 2 × 0.5 × 1 × 0.8 × 0.5 = 0.4
            assertThat(EdgeScoreFormula.score(2.0, m, MultiplierVector.uniform(1)))
                    .isCloseTo(0.4, within(EXACT));
        }

        @Test
        void weightsAreExponents() {
            var m = new MultiplierVector(0.5, 1.0, 0.8, 0.5);
            var w = new MultiplierVector(2, 0, 1, 1);

            // 2 × 0.5² × 1⁰ × 0.8¹ × 0.5¹ = 2 × 0.25 × 0.8 × 0.5 = 0.2
            assertThat(EdgeScoreFormula.score(2.0, m, w)).isCloseTo(0.2, within(EXACT));
            // a negative edge keeps its sign: −2 × 0.2 / 2
            assertThat(EdgeScoreFormula.score(-2.0, m, w)).isCloseTo(-0.2, within(EXACT));
        }

        @Test
        void theCombinedFactorStaysWithinASixteenthAndOneWhenWeightsSumToFour() {
            var lowest = MultiplierVector.uniform(0.5);

            assertThat(EdgeScoreFormula.combined(lowest, MultiplierVector.uniform(1)))
                    .isEqualTo(0.0625);
            assertThat(EdgeScoreFormula.combined(lowest, new MultiplierVector(4, 0, 0, 0)))
                    .isEqualTo(0.0625);
        }
    }
}
