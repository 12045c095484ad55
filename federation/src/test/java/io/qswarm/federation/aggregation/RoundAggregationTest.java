package io.qswarm.federation.aggregation;

import static io.qswarm.federation.aggregation.KrumTest.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qswarm.federation.api.AggregationRule;
import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.StateKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoundAggregationTest {

    /**
     * <pre>
     *        s1       s2
     *   a   1 (w1)   —
     *   b   3 (w3)   6 (w2)
     *   c   8 (w1)   —
     * </pre>
     */
    private final List<SourceKnowledge> sources =
            List.of(source("c", 1, 8, Double.NaN), source("a", 1, 1, Double.NaN), sourceB());

    private static SourceKnowledge sourceB() {
        return SourceKnowledge.of(
                QTableId.of("b"),
                List.of(
                        new PeerEntry(StateKey.of("s1"), "go", 3, 0, Map.of("b", 3L)),
                        new PeerEntry(StateKey.of("s2"), "go", 6, 0, Map.of("b", 2L))));
    }

    private List<PeerEntry> entries(AggregationRule rule) {
        return ((RoundAggregation.Aggregate) RoundAggregation.aggregate(rule, sources)).entries();
    }

    @Test
    void everyEntryIsAggregatedOverTheSourcesThatSentIt() {
        // s1 mean: (1·1 + 3·3 + 1·8) / 5 = 18/5 = 3.6; s2 only from b: 6
        List<PeerEntry> mean = entries(AggregationRule.visitWeightedMean());

        assertThat(mean).extracting(PeerEntry::state).containsExactly(StateKey.of("s1"), StateKey.of("s2"));
        assertThat(mean.get(0).q()).isCloseTo(3.6, within(1e-12));
        assertThat(mean.get(0).visitsByOrigin()).isEqualTo(Map.of("a", 1L, "b", 3L, "c", 1L));
        assertThat(mean.get(1)).isEqualTo(new PeerEntry(StateKey.of("s2"), "go", 6, 2, Map.of("b", 2L)));
    }

    @Test
    void withTheLearningRateTableMergeTheMeanWeighsWhatEachSourceAddsBeyondTheOthers() {
        // a learned 2 more of s1 on top of what b echoes from the last round (a:5, b:5)
        var fresh = SourceKnowledge.of(
                QTableId.of("a"), List.of(new PeerEntry(StateKey.of("s1"), "go", 9, 0, Map.of("a", 7L, "b", 5L))));
        var echo = SourceKnowledge.of(
                QTableId.of("b"), List.of(new PeerEntry(StateKey.of("s1"), "go", 1, 0, Map.of("a", 5L, "b", 5L))));
        AggregationRule learningRate = AggregationRule.visitWeightedMean().withTableMerge(MergeStrategy.LEARNING_RATE);

        var aggregate = (RoundAggregation.Aggregate) RoundAggregation.aggregate(learningRate, List.of(echo, fresh));
        var plain = (RoundAggregation.Aggregate)
                RoundAggregation.aggregate(AggregationRule.visitWeightedMean(), List.of(echo, fresh));

        // then the fresh value, not (12·9 + 10·1)/22 = 5.36 as the visit-weighted mean gives
        assertThat(aggregate.entries().get(0).q()).isEqualTo(9.0);
        assertThat(plain.entries().get(0).q()).isCloseTo(118.0 / 22, within(1e-12));
    }

    @Test
    void eachStrategyGivesItsGoldenValue() {
        // s1 sorted 1(w1) 3(w3) 8(w1), W = 5: median cumulative 1, 4 → 8 ≥ 5 at 3 → 3
        assertThat(entries(AggregationRule.median()).get(0).q()).isEqualTo(3.0);
        assertThat(entries(AggregationRule.max()).get(0).q()).isEqualTo(8.0);
        assertThat(entries(AggregationRule.min()).get(0).q()).isEqualTo(1.0);
        // β = 0.4, n = 3 → k = ⌊1.2⌋ = 1 → only b's 3 is kept, with b's visits only
        PeerEntry trimmed = entries(AggregationRule.trimmedMean(0.4)).get(0);
        assertThat(trimmed.q()).isEqualTo(3.0);
        assertThat(trimmed.visitsByOrigin()).isEqualTo(Map.of("b", 3L));
    }

    @Test
    void theOrderOfTheContributionsDoesNotMatter() {
        var reversed = List.of(sources.get(2), sources.get(1), sources.get(0));

        for (AggregationRule rule : List.of(
                AggregationRule.visitWeightedMean(),
                AggregationRule.median(),
                AggregationRule.trimmedMean(0.3),
                AggregationRule.krum(0))) {
            assertThat(RoundAggregation.aggregate(rule, reversed)).isEqualTo(RoundAggregation.aggregate(rule, sources));
        }
    }

    @Test
    void nothingToAggregateIsARefusalNotAnError() {
        assertThat(RoundAggregation.aggregate(AggregationRule.visitWeightedMean(), List.of()))
                .isEqualTo(new RoundAggregation.Refused("no source contributed"));
    }
}
