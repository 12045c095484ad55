package io.qswarm.federation.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import io.qswarm.federation.api.AggregationRule;
import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.StateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Golden Krum and Multi-Krum values, computed by hand in the comments. */
class KrumTest {

    static SourceKnowledge source(String id, long visits, double... valuesOfE1E2E3) {
        var entries = new ArrayList<PeerEntry>();
        for (int e = 0; e < valuesOfE1E2E3.length; e++) {
            if (!Double.isNaN(valuesOfE1E2E3[e])) {
                entries.add(new PeerEntry(StateKey.of("s" + (e + 1)), "go", valuesOfE1E2E3[e], 0, Map.of(id, visits)));
            }
        }
        return SourceKnowledge.of(QTableId.of(id), entries);
    }

    private static final double MISSING = Double.NaN;

    /**
     * <pre>
     *        e1  e2
     *   a     1   0
     *   b     2   0
     *   c     1   1
     *   z    10  10     (poisoned)
     * squared distances: ab = 1+0 = 1, ac = 0+1 = 1, az = 81+100 = 181,
     *                    bc = 1+1 = 2, bz = 64+100 = 164, cz = 81+81 = 162
     * n = 4, f = 0: each score sums the n − f − 2 = 2 smallest distances
     *   a: 1 + 1 = 2    b: 1 + 2 = 3    c: 1 + 2 = 3    z: 162 + 164 = 326
     * </pre>
     */
    @Nested
    class EverySourceSendsEveryEntry {

        private final List<SourceKnowledge> sources =
                List.of(source("z", 1, 10, 10), source("a", 1, 1, 0), source("b", 1, 2, 0), source("c", 2, 1, 1));

        @Test
        void scoresAreTheSumsOfTheNearestSquaredDistances() {
            assertThat(Krum.scores(sources, 0))
                    .containsExactly(
                            new Krum.Scored(QTableId.of("a"), 2),
                            new Krum.Scored(QTableId.of("b"), 3),
                            new Krum.Scored(QTableId.of("c"), 3),
                            new Krum.Scored(QTableId.of("z"), 326));
        }

        @Test
        void krumKeepsTheSourceWithTheLowestScore() {
            var outcome = (RoundAggregation.Aggregate) RoundAggregation.aggregate(AggregationRule.krum(0), sources);

            // a's own knowledge: e1 = 1, e2 = 0, with a's visits
            assertThat(outcome.sources()).containsExactly(QTableId.of("a"));
            assertThat(outcome.entries())
                    .containsExactly(
                            new PeerEntry(StateKey.of("s1"), "go", 1.0, 1, Map.of("a", 1L)),
                            new PeerEntry(StateKey.of("s2"), "go", 0.0, 1, Map.of("a", 1L)));
        }

        @Test
        void multiKrumAveragesTheBestMByVisits() {
            // m = 3 keeps a(2), b(3), c(3) (b before c on the tie); visits a:1, b:1, c:2
            // e1 = (1·1 + 1·2 + 2·1) / 4 = 5/4 = 1.25; e2 = (1·0 + 1·0 + 2·1) / 4 = 0.5
            var outcome =
                    (RoundAggregation.Aggregate) RoundAggregation.aggregate(AggregationRule.multiKrum(0, 3), sources);

            assertThat(outcome.sources()).containsExactly(QTableId.of("a"), QTableId.of("b"), QTableId.of("c"));
            assertThat(outcome.entries()).hasSize(2);
            assertThat(outcome.entries().get(0).q()).isCloseTo(1.25, within(1e-12));
            assertThat(outcome.entries().get(1).q()).isCloseTo(0.5, within(1e-12));
            assertThat(outcome.entries().get(0).visitsByOrigin()).isEqualTo(Map.of("a", 1L, "b", 1L, "c", 2L));
        }

        @Test
        void multiKrumKeepsAtMostNMinusF() {
            // m = 10 is capped at n − f = 4: every source, z included (f = 0 promises no faulty source)
            var outcome =
                    (RoundAggregation.Aggregate) RoundAggregation.aggregate(AggregationRule.multiKrum(0, 10), sources);

            assertThat(outcome.sources()).hasSize(4);
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Krum.select(sources, 0, 5))
                    .withMessage("Multi-Krum keeps between 1 and n − f = 4 sources, m was 5");
        }

        @Test
        void krumRefusesNAtMostTwoFPlusTwo() {
            // f = 1: n = 4 ≤ 2·1 + 2 = 4
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Krum.scores(sources, 1))
                    .withMessage("Krum with f = 1 needs more than 2f + 2 = 4 sources, got 4");
            assertThat(RoundAggregation.aggregate(AggregationRule.krum(1), sources))
                    .isEqualTo(new RoundAggregation.Refused(
                            "KRUM with f = 1 needs at least 5 contributing sources, got 4"));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Krum.scores(sources, -1))
                    .withMessageContaining("must not be negative");
        }
    }

    /**
     * b sent no e2, and only b sent e3. A missing coordinate takes the median of the sources that sent it:
     *
     * <pre>
     *   e2 holders a:0, c:1, z:10 → median 1 → b's e2 = 1
     *   e3 holder  b:5            → median 5 → a, c, z read 5 (no distance on e3)
     *        e1  e2  e3
     *   a     1   0  (5)
     *   b     2  (1)  5
     *   c     1   1  (5)
     *   z    10  10  (5)
     * ab = 1+1 = 2, ac = 0+1 = 1, az = 81+100 = 181, bc = 1+0 = 1, bz = 64+81 = 145, cz = 81+81 = 162
     * scores (2 nearest): a: 1+2 = 3, b: 1+2 = 3, c: 1+1 = 2, z: 145+162 = 307
     * </pre>
     */
    @Nested
    class SourcesSendDeltas {

        private final List<SourceKnowledge> sources = List.of(
                source("a", 1, 1, 0, MISSING),
                source("b", 1, 2, MISSING, 5),
                source("c", 2, 1, 1, MISSING),
                source("z", 1, 10, 10, MISSING));

        @Test
        void aMissingEntryIsImputedWithTheMedianOfTheOthers() {
            assertThat(Krum.scores(sources, 0))
                    .containsExactly(
                            new Krum.Scored(QTableId.of("c"), 2),
                            new Krum.Scored(QTableId.of("a"), 3),
                            new Krum.Scored(QTableId.of("b"), 3),
                            new Krum.Scored(QTableId.of("z"), 307));
        }

        @Test
        void anEntryNoSelectedSourceSentIsLeftOut() {
            // Krum keeps c: e1 = 1, e2 = 1; e3 (only b sent it) is not accepted
            var outcome = (RoundAggregation.Aggregate) RoundAggregation.aggregate(AggregationRule.krum(0), sources);

            assertThat(outcome.entries())
                    .containsExactly(
                            new PeerEntry(StateKey.of("s1"), "go", 1.0, 2, Map.of("c", 2L)),
                            new PeerEntry(StateKey.of("s2"), "go", 1.0, 2, Map.of("c", 2L)));
        }

        @Test
        void multiKrumAveragesOnlyTheSelectedSourcesThatSentTheEntry() {
            // m = 2 keeps c(2) and a(3) (a before b on the tie); visits a:1, c:2
            // e1 = (1·1 + 2·1) / 3 = 1; e2 = (1·0 + 2·1) / 3 = 2/3; no e3
            var outcome =
                    (RoundAggregation.Aggregate) RoundAggregation.aggregate(AggregationRule.multiKrum(0, 2), sources);

            assertThat(outcome.sources()).containsExactly(QTableId.of("a"), QTableId.of("c"));
            assertThat(outcome.entries()).extracting(PeerEntry::q).containsExactly(1.0, 2.0 / 3);
        }
    }
}
