package io.qswarm.intelligence.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qswarm.intelligence.api.MergeStrategy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnowledgeMergeTest {

    private final Knowledge local = new Knowledge(0.5, Map.of("a", 10L));
    private final Knowledge peer = new Knowledge(0.8, Map.of("b", 20L));

    @Test
    void visitWeightedMeanOfTheReferenceEntriesIs07With30Visits() {
        Knowledge merged = KnowledgeMerge.merge(local, peer, MergeStrategy.VISIT_WEIGHTED_MEAN)
                .orElseThrow();

        assertThat(merged.q()).isEqualTo(0.7);
        assertThat(merged.visits()).isEqualTo(30);
        assertThat(merged.visitsByOrigin()).containsExactlyInAnyOrderEntriesOf(Map.of("a", 10L, "b", 20L));
    }

    @Test
    void maxAndMinPickTheLargerAndSmallerValue() {
        assertThat(KnowledgeMerge.merge(local, peer, MergeStrategy.MAX)
                        .orElseThrow()
                        .q())
                .isEqualTo(0.8);
        assertThat(KnowledgeMerge.merge(local, peer, MergeStrategy.MIN)
                        .orElseThrow()
                        .q())
                .isEqualTo(0.5);
    }

    @Test
    void mergingTheSamePeerKnowledgeTwiceChangesNothing() {
        Knowledge once = KnowledgeMerge.merge(local, peer, MergeStrategy.VISIT_WEIGHTED_MEAN)
                .orElseThrow();

        assertThat(KnowledgeMerge.merge(once, peer, MergeStrategy.VISIT_WEIGHTED_MEAN))
                .isEmpty();
    }

    @Test
    void onlyThePeersNewExperiencesCarryWeight() {
        // given the peer already merged our 10 experiences and has 5 of its own
        var peerWithOurs = new Knowledge(0.9, Map.of("a", 10L, "b", 5L));

        Knowledge merged = KnowledgeMerge.merge(local, peerWithOurs, MergeStrategy.VISIT_WEIGHTED_MEAN)
                .orElseThrow();

        // then weight 10 for ours, 5 for the peer's new ones, and 15 visits in all (not 25)
        assertThat(merged.q()).isEqualTo((0.5 * 10 + 0.9 * 5) / 15);
        assertThat(merged.visits()).isEqualTo(15);
    }

    @Test
    void anUnseenEntryTakesThePeersValueUnderEveryStrategy() {
        for (MergeStrategy strategy : MergeStrategy.values()) {
            assertThat(KnowledgeMerge.merge(Knowledge.NONE, peer, strategy, 0.5).orElseThrow())
                    .isEqualTo(new Knowledge(0.8, Map.of("b", 20L)));
        }
    }

    @Test
    void aPeerEntryWithoutExperienceChangesNothing() {
        assertThat(KnowledgeMerge.merge(local, new Knowledge(99.0, Map.of()), MergeStrategy.MAX))
                .isEmpty();
    }

    @Test
    void theLearningRateMergeTakesTheNewExperiencesAsStepsOfSizeAlpha() {
        // 20 new experiences at α = 0.1: 0.9^20 = 0.12157665459056928 of the old gap is kept
        Knowledge merged = KnowledgeMerge.merge(local, peer, MergeStrategy.LEARNING_RATE, 0.1)
                .orElseThrow();

        assertThat(merged.q()).isCloseTo(0.8 - 0.3 * 0.12157665459056928, within(1e-12)); // 0.763527…
        assertThat(merged.visitsByOrigin()).containsExactlyInAnyOrderEntriesOf(Map.of("a", 10L, "b", 20L));
    }

    @Test
    void theLearningRateMergeCountsOnlyThePeersNewExperiences() {
        // given the peer already merged our 10 experiences and has 5 of its own: 0.9^5 = 0.59049 of the gap stays
        var peerWithOurs = new Knowledge(0.9, Map.of("a", 10L, "b", 5L));

        Knowledge merged = KnowledgeMerge.merge(local, peerWithOurs, MergeStrategy.LEARNING_RATE, 0.1)
                .orElseThrow();

        assertThat(merged.q()).isCloseTo(0.9 - 0.4 * 0.59049, within(1e-12)); // 0.663804
        assertThat(merged.visits()).isEqualTo(15);
    }

    @Test
    void withALearningRateOfOneTheLearningRateMergeTakesThePeersFreshValue() {
        assertThat(KnowledgeMerge.merge(local, peer, MergeStrategy.LEARNING_RATE, 1.0)
                        .orElseThrow()
                        .q())
                .isEqualTo(0.8);
    }

    @Test
    void theLearningRateMergeNeedsAValidLearningRate() {
        assertThatThrownBy(() -> KnowledgeMerge.merge(local, peer, MergeStrategy.LEARNING_RATE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("learning rate");
        assertThatThrownBy(() -> KnowledgeMerge.merge(local, peer, MergeStrategy.LEARNING_RATE, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> KnowledgeMerge.merge(local, peer, MergeStrategy.LEARNING_RATE, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
