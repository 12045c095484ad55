package io.qswarm.federation.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import io.qswarm.intelligence.api.QTableId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Golden values, computed by hand in the comments. The four opinions of one entry:
 *
 * <pre>
 *   source  q     visits (weight)
 *   a       1.0   {a:1}   1
 *   b       2.0   {b:3}   3
 *   c      10.0   {c:1}   1     (an outlier)
 *   d       4.0   {d:5}   5
 *   sorted by value: a(1) b(2) d(4) c(10); total weight W = 10
 * </pre>
 */
class EntryAggregationTest {

    private static final Opinion A = opinion("a", 1.0, 1);
    private static final Opinion B = opinion("b", 2.0, 3);
    private static final Opinion C = opinion("c", 10.0, 1);
    private static final Opinion D = opinion("d", 4.0, 5);
    private static final List<Opinion> FOUR = List.of(A, B, C, D);
    private static final Map<String, Long> ALL_VISITS = Map.of("a", 1L, "b", 3L, "c", 1L, "d", 5L);

    static Opinion opinion(String source, double q, long visits) {
        return new Opinion(QTableId.of(source), q, Map.of(source, visits));
    }

    @Test
    void theVisitWeightedMeanWeightsEachValueByItsExperiences() {
        // Σ w·q = 1·1 + 3·2 + 1·10 + 5·4 = 37; Σ w = 10; q = 3.7
        Aggregated result = EntryAggregation.visitWeightedMean(FOUR);

        assertThat(result.q()).isCloseTo(3.7, within(1e-12));
        assertThat(result.visitsByOrigin()).isEqualTo(ALL_VISITS);
        assertThat(result.visits()).isEqualTo(10);
    }

    @Nested
    class FreshWeightedMean {

        @Test
        void sourcesWithDisjointHistoriesWeighAsInTheVisitWeightedMean() {
            // no origin is known to every source: m = 0, u = w, q = 3.7 as above
            assertThat(EntryAggregation.freshWeightedMean(FOUR).q()).isCloseTo(3.7, within(1e-12));
        }

        @Test
        void anEchoOfSharedKnowledgeWeighsNothingNextToFreshExperience() {
            // a learned 2 more on top of what all three share (a:10, b:10), b and c only echo it
            var fresh = new Opinion(QTableId.of("a"), 8.0, Map.of("a", 12L, "b", 10L));
            var echoB = new Opinion(QTableId.of("b"), 2.0, Map.of("a", 10L, "b", 10L));
            var echoC = new Opinion(QTableId.of("c"), 2.0, Map.of("a", 10L, "b", 10L));
            // m = (a:10, b:10); u = (2, 0, 0): q = 8.0 (the visit-weighted mean would give (22·8 + 40·2)/62 = 4.13)
            Aggregated result = EntryAggregation.freshWeightedMean(List.of(fresh, echoB, echoC));

            assertThat(result.q()).isEqualTo(8.0);
            assertThat(result.visitsByOrigin()).isEqualTo(Map.of("a", 12L, "b", 10L));
            assertThat(EntryAggregation.visitWeightedMean(List.of(fresh, echoB, echoC))
                            .q())
                    .isCloseTo(256.0 / 62, within(1e-12));
        }

        @Test
        void twoFreshSourcesWeighByWhatEachAddsAndIdenticalOnesByTheirVisits() {
            // m = (a:10, b:10, c:0); u_a = 1, u_b = 3, u_c = 0 + c's 0: q = (1·4 + 3·8) / 4 = 7
            var a = new Opinion(QTableId.of("a"), 4.0, Map.of("a", 11L, "b", 10L));
            var b = new Opinion(QTableId.of("b"), 8.0, Map.of("a", 10L, "b", 13L));
            var c = new Opinion(QTableId.of("c"), 0.0, Map.of("a", 10L, "b", 10L));
            assertThat(EntryAggregation.freshWeightedMean(List.of(a, b, c)).q()).isEqualTo(7.0);
            // identical knowledge everywhere: u = 0 for all, so the visit-weighted mean (20·1 + 20·3)/40 = 2
            var x = new Opinion(QTableId.of("x"), 1.0, Map.of("a", 10L, "b", 10L));
            var y = new Opinion(QTableId.of("y"), 3.0, Map.of("a", 10L, "b", 10L));
            assertThat(EntryAggregation.freshWeightedMean(List.of(x, y)).q()).isEqualTo(2.0);
        }
    }

    @Test
    void maxAndMinTakeTheExtremeValuesAndCountEveryOpinionsVisits() {
        // max = c's 10.0, min = a's 1.0
        assertThat(EntryAggregation.max(FOUR).q()).isEqualTo(10.0);
        assertThat(EntryAggregation.min(FOUR).q()).isEqualTo(1.0);
        assertThat(EntryAggregation.max(FOUR).visitsByOrigin()).isEqualTo(ALL_VISITS);
    }

    @Nested
    class Median {

        @Test
        void isTheValueWhereTheCumulativeWeightReachesHalf() {
            // cumulative weights a:1, b:4, d:9 → 2·9 = 18 ≥ W = 10 first at d → q = 4.0 (the outlier c has no pull)
            assertThat(EntryAggregation.weightedMedian(FOUR).q()).isEqualTo(4.0);
        }

        @Test
        void averagesTheTwoMiddleValuesWhenTheHalfFallsBetweenThem() {
            // equal weights 1, 2, 4, 10: cumulative 1, 2 → 2·2 = 4 = W at the second value → (2 + 4) / 2 = 3
            var equal = List.of(opinion("a", 1, 1), opinion("b", 2, 1), opinion("c", 10, 1), opinion("d", 4, 1));
            assertThat(EntryAggregation.weightedMedian(equal).q()).isEqualTo(3.0);

            // 1.0 with weight 2, 5.0 with weight 2: 2·2 = 4 = W → (1 + 5) / 2 = 3
            var halves = List.of(opinion("a", 1, 2), opinion("b", 5, 2));
            assertThat(EntryAggregation.weightedMedian(halves).q()).isEqualTo(3.0);
        }

        @Test
        void followsTheHeavierSide() {
            // 1.0 with weight 1, 5.0 with weight 3: cumulative 1 → 2 < 4; 4 → 8 ≥ 4 at 5.0 → q = 5.0
            var heavy = List.of(opinion("a", 1, 1), opinion("b", 5, 3));
            assertThat(EntryAggregation.weightedMedian(heavy).q()).isEqualTo(5.0);
        }
    }

    @Nested
    class TrimmedMean {

        @Test
        void dropsTheLowestAndHighestByCountThenAveragesByVisits() {
            // β = 0.25, n = 4 → k = ⌊1.0⌋ = 1: drop a (lowest) and c (highest)
            // kept b(2, w3) and d(4, w5): (3·2 + 5·4) / 8 = 26 / 8 = 3.25
            Aggregated result = EntryAggregation.trimmedMean(FOUR, 0.25);

            assertThat(result.q()).isCloseTo(3.25, within(1e-12));
            assertThat(result.accepted()).containsExactly(QTableId.of("b"), QTableId.of("d"));
            assertThat(result.visitsByOrigin()).isEqualTo(Map.of("b", 3L, "d", 5L));
        }

        @Test
        void trimsNothingWhenBetaTimesNIsBelowOne() {
            // β = 0.2, n = 4 → k = ⌊0.8⌋ = 0 → the visit-weighted mean 3.7
            assertThat(EntryAggregation.trimmedMean(FOUR, 0.2).q()).isCloseTo(3.7, within(1e-12));
            assertThat(EntryAggregation.trimmedMean(FOUR, 0.0).q()).isCloseTo(3.7, within(1e-12));
        }

        @Test
        void aSourceCannotEscapeTheTrimByClaimingManyVisits() {
            // z claims 1,000 visits for 100.0; by count, k = ⌊0.25·4⌋ = 1 drops a(1) and z(100)
            // kept b(2, w1), c(3, w1): (2 + 3) / 2 = 2.5
            var poisoned =
                    List.of(opinion("a", 1, 1), opinion("b", 2, 1), opinion("c", 3, 1), opinion("z", 100, 1_000));

            assertThat(EntryAggregation.trimmedMean(poisoned, 0.25).q()).isCloseTo(2.5, within(1e-12));
        }

        @Test
        void refusesABetaOutsideZeroToOneHalf() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> EntryAggregation.trimmedMean(FOUR, 0.5))
                    .withMessage("trim β must be in [0, 0.5), was 0.5");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> EntryAggregation.trimmedMean(FOUR, -0.1))
                    .withMessageContaining("[0, 0.5)");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> EntryAggregation.trimmedMean(FOUR, Double.NaN))
                    .withMessage("trim β must be a finite number, was NaN");
        }
    }

    @Test
    void refusesNonFiniteValuesAndOpinionsWithoutExperience() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> opinion("a", Double.NaN, 1))
                .withMessage("q of a must be a finite number, was NaN");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> opinion("a", Double.POSITIVE_INFINITY, 1))
                .withMessageContaining("finite");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> opinion("a", 1.0, 0))
                .withMessage("an opinion of a must stand on at least one experience");
    }

    @Test
    void refusesNothingToAggregateAndTwoOpinionsFromOneSource() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EntryAggregation.visitWeightedMean(List.of()))
                .withMessageContaining("no opinion given");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EntryAggregation.weightedMedian(List.of(A, opinion("a", 3, 1))))
                .withMessage("source a gave more than one opinion");
    }

    @Test
    void overlappingExperiencesAreCountedOnceInTheVisits() {
        // both sources hold the same 4 experiences of origin x; b adds 2 of its own
        // visits: per-origin max {x: max(4, 4), b: 2} = {x:4, b:2} = 6, not 4 + 6 = 10
        var first = new Opinion(QTableId.of("a"), 1.0, Map.of("x", 4L));
        var second = new Opinion(QTableId.of("b"), 2.0, Map.of("x", 4L, "b", 2L));

        Aggregated result = EntryAggregation.visitWeightedMean(List.of(first, second));

        assertThat(result.visitsByOrigin()).isEqualTo(Map.of("x", 4L, "b", 2L));
        assertThat(result.visits()).isEqualTo(6);
        // the value weights each opinion by what it stands on: (4·1 + 6·2) / 10 = 1.6
        assertThat(result.q()).isCloseTo(1.6, within(1e-12));
    }
}
