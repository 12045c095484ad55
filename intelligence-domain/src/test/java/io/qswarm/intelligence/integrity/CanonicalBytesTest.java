package io.qswarm.intelligence.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import io.qswarm.intelligence.api.ActionSpec;
import io.qswarm.intelligence.api.AddedLater;
import io.qswarm.intelligence.api.AppliedUpdate;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.QTableUpdated;
import io.qswarm.intelligence.api.StateKey;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CanonicalBytesTest {

    private static AppliedUpdate update(double newQ, Map<String, Double> components) {
        return new AppliedUpdate(
                StateKey.of("s0"), "escalate", 1.0, components, StateKey.of("s1"), null, false, 0.8, 0.5, newQ, 3);
    }

    /** The generic record path, for comparison with the hand-written one: a record with the same shape. */
    private record AppliedUpdateShape(
            StateKey state,
            String action,
            double reward,
            Map<String, Double> rewardComponents,
            StateKey nextState,
            String nextAction,
            boolean terminal,
            double bootstrap,
            double oldQ,
            double newQ,
            long visits) {}

    @Test
    void theFastPathOfAppliedUpdateEncodesLikeTheGenericRecordPath() {
        var components = Map.of("latency", -0.25, "resolution", 1.25);
        byte[] fast = CanonicalBytes.of(update(0.626, components));
        byte[] generic = CanonicalBytes.of(new AppliedUpdateShape(
                StateKey.of("s0"), "escalate", 1.0, components, StateKey.of("s1"), null, false, 0.8, 0.5, 0.626, 3));
        // the names differ: compare everything after the record name
        int fastName = 1 + 1 + 4 + "AppliedUpdate".length();
        int genericName = 1 + 1 + 4 + "AppliedUpdateShape".length();
        assertThat(java.util.Arrays.copyOfRange(fast, fastName, fast.length))
                .isEqualTo(java.util.Arrays.copyOfRange(generic, genericName, generic.length));
    }

    /** The same shape with the scope component, marked as added later. */
    private record ScopedShape(
            StateKey state,
            String action,
            double reward,
            Map<String, Double> rewardComponents,
            StateKey nextState,
            String nextAction,
            boolean terminal,
            double bootstrap,
            double oldQ,
            double newQ,
            long visits,
            @AddedLater Map<String, String> scope) {}

    private static AppliedUpdate scoped(Map<String, String> scope) {
        return new AppliedUpdate(
                StateKey.of("s0"),
                "escalate",
                1.0,
                Map.of(),
                StateKey.of("s1"),
                null,
                false,
                0.8,
                0.5,
                0.626,
                3,
                scope);
    }

    private static byte[] afterName(byte[] bytes, String name) {
        return java.util.Arrays.copyOfRange(bytes, 1 + 1 + 4 + name.length(), bytes.length);
    }

    @Test
    void anUnscopedUpdateEncodesExactlyAsBeforeTheScopeExisted() {
        byte[] unscoped = CanonicalBytes.of(scoped(Map.of()));
        byte[] before = CanonicalBytes.of(new AppliedUpdateShape(
                StateKey.of("s0"), "escalate", 1.0, Map.of(), StateKey.of("s1"), null, false, 0.8, 0.5, 0.626, 3));
        assertThat(afterName(unscoped, "AppliedUpdate")).isEqualTo(afterName(before, "AppliedUpdateShape"));
        assertThat(unscoped).isEqualTo(CanonicalBytes.of(update(0.626, Map.of())));
    }

    @Test
    void aScopedUpdateEncodesItsScopeOnBothPaths() {
        var scope = Map.of("regime", "bull", "bucket", "micro");
        byte[] fast = CanonicalBytes.of(scoped(scope));
        byte[] generic = CanonicalBytes.of(new ScopedShape(
                StateKey.of("s0"),
                "escalate",
                1.0,
                Map.of(),
                StateKey.of("s1"),
                null,
                false,
                0.8,
                0.5,
                0.626,
                3,
                scope));
        assertThat(afterName(fast, "AppliedUpdate")).isEqualTo(afterName(generic, "ScopedShape"));
        assertThat(fast).isNotEqualTo(CanonicalBytes.of(scoped(Map.of("regime", "bear", "bucket", "micro"))));
        assertThat(CanonicalBytes.of(new ScopedShape(
                        StateKey.of("s0"),
                        "escalate",
                        1.0,
                        Map.of(),
                        StateKey.of("s1"),
                        null,
                        false,
                        0.8,
                        0.5,
                        0.626,
                        3,
                        Map.of())))
                .hasSize(generic.length - CanonicalBytes.of(scope).length);
    }

    @Test
    void anActionWithoutCategoryEncodesAsBeforeTheCategoryExisted() {
        record ActionShape(String name, double baseCost) {}
        byte[] plain = CanonicalBytes.of(ActionSpec.of("buy", 0.1));
        byte[] before = CanonicalBytes.of(new ActionShape("buy", 0.1));
        assertThat(afterName(plain, "ActionSpec")).isEqualTo(afterName(before, "ActionShape"));
        assertThat(CanonicalBytes.of(new ActionSpec("buy", 0.1, "entry"))).isNotEqualTo(plain);
    }

    @Test
    void mapsEncodeTheSameWhateverTheirIterationOrder() {
        var insertion = new LinkedHashMap<String, Double>();
        insertion.put("z", 1.0);
        insertion.put("a", 2.0);
        var hashed = new HashMap<>(insertion);
        var sorted = new TreeMap<>(insertion);
        assertThat(CanonicalBytes.of(insertion))
                .isEqualTo(CanonicalBytes.of(hashed))
                .isEqualTo(CanonicalBytes.of(sorted));
    }

    @Test
    void everyBitOfADoubleCounts() {
        assertThat(CanonicalBytes.of(0.0)).isNotEqualTo(CanonicalBytes.of(-0.0));
        assertThat(CanonicalBytes.of(update(0.626, Map.of())))
                .isNotEqualTo(CanonicalBytes.of(update(Math.nextUp(0.626), Map.of())));
    }

    @Test
    void typesAreTaggedSoEqualDigitsOfDifferentTypesDiffer() {
        assertThat(CanonicalBytes.of(1L)).isNotEqualTo(CanonicalBytes.of(1));
        assertThat(CanonicalBytes.of("1")).isNotEqualTo(CanonicalBytes.of(StateKey.of("1")));
        assertThat(CanonicalBytes.of(null)).containsExactly('N');
    }

    @Test
    void aChangedEventBreaksTheChainFromThatEventOn() {
        var event = new QTableUpdated(QTableId.of("t"), "k", List.of(update(0.626, Map.of())), true, 1, 0.1);
        var edited = new QTableUpdated(QTableId.of("t"), "k", List.of(update(0.627, Map.of())), true, 1, 0.1);
        String first = HashChain.next(HashChain.GENESIS, event);
        assertThat(first).hasSize(64).isEqualTo(HashChain.next(null, event));
        assertThat(HashChain.next(HashChain.GENESIS, edited)).isNotEqualTo(first);
        assertThat(HashChain.next(first, event)).isNotEqualTo(first);
    }
}
