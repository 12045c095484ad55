package io.qswarm.projections.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qswarm.intelligence.api.StateKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Patterns from state keys and regime signatures from scopes. */
class PatternSelectorTest {

    @Test
    void byDefaultThePatternIsTheWholeStateKey() {
        assertThat(PatternSelector.WHOLE_STATE.patternsOf(StateKey.of("taxi=3,2|passenger=R|dest=G")))
                .containsExactly("taxi=3,2|passenger=R|dest=G");
    }

    @Test
    void aDeclaredSubsetKeepsThoseFeaturesInStateOrderAndSpelling() {
        var selector = new PatternSelector(List.of(List.of("dest", "passenger")));

        assertThat(selector.patternsOf(StateKey.of("taxi=3,2|passenger=R|dest=G")))
                .containsExactly("passenger=R|dest=G");
        assertThat(new PatternSelector(List.of(List.of("vol"))).patternsOf(StateKey.of("bucket:3|vol:high")))
                .containsExactly("vol:high");
    }

    @Test
    void bareFeaturesAreNamedByTheirPosition() {
        var selector = new PatternSelector(List.of(List.of("#0", "#2")));

        assertThat(selector.patternsOf(StateKey.of("p3|v1|up|s0|m2"))).containsExactly("p3|up");
    }

    @Test
    void severalDeclaredPatternsYieldEachDistinctPatternOnce() {
        var selector = new PatternSelector(List.of(List.of(), List.of("bucket"), List.of("bucket", "vol")));

        // [bucket, vol] selects everything, i.e. the whole key again: it is counted once
        assertThat(selector.patternsOf(StateKey.of("bucket:3|vol:high")))
                .containsExactly("bucket:3|vol:high", "bucket:3");
    }

    @Test
    void aStateWithoutAnyDeclaredFeatureFallsBackToItsWholeKey() {
        var selector = new PatternSelector(List.of(List.of("bucket")));

        assertThat(selector.patternsOf(StateKey.of("328"))).containsExactly("328");
    }

    @Test
    void theFirstSeparatorNamesTheFeature() {
        assertThat(PatternSelector.featureName("t=10:30", 0)).isEqualTo("t");
        assertThat(PatternSelector.featureName("time:a=b", 0)).isEqualTo("time");
        assertThat(PatternSelector.featureName("up", 3)).isEqualTo("#3");
    }

    @Test
    void noDeclaredPatternIsRefused() {
        assertThatThrownBy(() -> new PatternSelector(List.of())).hasMessageContaining("at least one pattern");
    }

    @Test
    void theRegimeSignatureSortsScopeEntriesByKey() {
        var scope = Map.of("timeframe", "1h", "regime", "bull", "bucket", "micro");

        assertThat(RegimeSignature.ALL_KEYS.of(scope)).isEqualTo("bucket=micro|regime=bull|timeframe=1h");
        assertThat(RegimeSignature.ALL_KEYS.of(Map.of())).isEmpty();
    }

    @Test
    void declaredRegimeKeysKeepOnlyThoseEntries() {
        var signature = new RegimeSignature(List.of("regime", "timeframe"));

        assertThat(signature.of(Map.of("timeframe", "1h", "regime", "bull", "bucket", "micro")))
                .isEqualTo("regime=bull|timeframe=1h");
        assertThat(signature.of(Map.of("bucket", "micro"))).isEmpty();
    }

    @Test
    void anOverlongSignatureIsShortenedToAUniqueDigestedForm() {
        String a = "k=" + "a".repeat(600);
        String b = "k=" + "a".repeat(599) + "b";

        String shortA = RegimeSignature.bounded(a);
        String shortB = RegimeSignature.bounded(b);

        assertThat(shortA).hasSize(RegimeSignature.MAX_LENGTH).contains("~");
        assertThat(shortA).isNotEqualTo(shortB);
        assertThat(RegimeSignature.bounded("regime=bull")).isEqualTo("regime=bull");
    }
}
