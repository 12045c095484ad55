package io.qswarm.intelligence.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import io.qswarm.intelligence.api.ActionSpec;
import io.qswarm.intelligence.api.AgentId;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.MergeCounts;
import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.api.MergedEntry;
import io.qswarm.intelligence.api.MergedParameter;
import io.qswarm.intelligence.api.QTableCreated;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.QTableMerged;
import io.qswarm.intelligence.api.RejectedEntry;
import io.qswarm.intelligence.api.StateKey;
import io.qswarm.intelligence.api.ValueFunctionKind;
import io.qswarm.intelligence.valuefunction.Feature;
import io.qswarm.intelligence.valuefunction.FeatureSchema;
import io.qswarm.intelligence.valuefunction.ValueFunctionSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The value-function fields are added later (ADR 0007, ADR 0009): a flat table's events encode, and so hash, exactly
 * as before they existed; a table's spec is part of its creation's hash.
 */
class ValueFunctionEventsCanonicalBytesTest {

    private static final List<ActionSpec> ACTIONS = List.of(ActionSpec.of("flat", 0.0), ActionSpec.of("long", 0.1));
    private static final FeatureSchema SCHEMA =
            FeatureSchema.named(Feature.categorical("regime", "calm", "storm"), Feature.numeric("signal", 0.0, 1.0, 4));

    /** QTableCreated as it was published before value functions. */
    private record CreatedShape(
            QTableId tableId,
            io.qswarm.intelligence.api.AgentId agentId,
            List<ActionSpec> actions,
            LearningRule rule,
            double alpha,
            double gamma,
            ExplorationSchedule exploration,
            ValueFunctionKind valueFunction,
            double epsilon) {}

    /** QTableMerged as it was published before parameter merges. */
    private record MergedShape(
            QTableId tableId,
            String peer,
            String round,
            MergeStrategy strategy,
            List<MergedEntry> changes,
            List<RejectedEntry> rejected,
            MergeCounts counts) {}

    private static byte[] afterName(byte[] bytes, String name) {
        return Arrays.copyOfRange(bytes, 1 + 1 + 4 + name.length(), bytes.length);
    }

    private static QTableCreated created(ValueFunctionSpec spec) {
        return new QTableCreated(
                QTableId.of("t"),
                AgentId.of("a"),
                ACTIONS,
                LearningRule.Q_LEARNING,
                0.1,
                0.95,
                ExplorationSchedule.constant(0.1),
                ValueFunctionKind.of(spec),
                0.1,
                spec);
    }

    @Test
    void aFlatTablesCreationEncodesExactlyAsBeforeTheSpecExisted() {
        byte[] flat = CanonicalBytes.of(created(null));
        byte[] before = CanonicalBytes.of(new CreatedShape(
                QTableId.of("t"),
                AgentId.of("a"),
                ACTIONS,
                LearningRule.Q_LEARNING,
                0.1,
                0.95,
                ExplorationSchedule.constant(0.1),
                ValueFunctionKind.TABULAR,
                0.1));

        assertThat(afterName(flat, "QTableCreated")).isEqualTo(afterName(before, "CreatedShape"));
    }

    @Test
    void aMergeOfEntriesEncodesExactlyAsBeforeParameterMergesExisted() {
        var change = new MergedEntry(
                StateKey.of("s0"), "long", true, 0.0, 0.5, Map.of(), Map.of("p", 3L), 0.5, Map.of("p", 3L));
        var merged = new QTableMerged(
                QTableId.of("t"),
                "p",
                null,
                MergeStrategy.VISIT_WEIGHTED_MEAN,
                List.of(change),
                List.of(),
                new MergeCounts(1, 0, 0, 0));
        var before = new MergedShape(
                QTableId.of("t"),
                "p",
                null,
                MergeStrategy.VISIT_WEIGHTED_MEAN,
                List.of(change),
                List.of(),
                new MergeCounts(1, 0, 0, 0));

        assertThat(afterName(CanonicalBytes.of(merged), "QTableMerged"))
                .isEqualTo(afterName(CanonicalBytes.of(before), "MergedShape"));
    }

    @Test
    void theSpecIsPartOfTheCreationsHashWhateverTheOrderItsMapsWereBuiltIn() {
        var widths = new LinkedHashMap<String, Double>();
        widths.put("signal", 0.5);
        widths.put("regime", 1.0);
        var reversed = new LinkedHashMap<String, Double>();
        reversed.put("regime", 1.0);
        reversed.put("signal", 0.5);
        var tiles = new ValueFunctionSpec.TileCoding(SCHEMA, 2, 4, 64, widths);
        var sameTiles = new ValueFunctionSpec.TileCoding(SCHEMA, 2, 4, 64, reversed);
        var lowRank = new ValueFunctionSpec.LowRank(SCHEMA, 2, 2, 7L, 0.1);
        var reseeded = new ValueFunctionSpec.LowRank(SCHEMA, 2, 2, 8L, 0.1);

        assertThat(CanonicalBytes.of(created(tiles))).isEqualTo(CanonicalBytes.of(created(sameTiles)));
        assertThat(HashChain.next(null, created(lowRank)))
                .isNotEqualTo(HashChain.next(null, created(reseeded)))
                .isNotEqualTo(HashChain.next(null, created(null)));
        assertThat(CanonicalBytes.of(created(lowRank))).isNotEqualTo(CanonicalBytes.of(created(null)));
    }

    @Test
    void aParameterMergeCommitsToEveryChangedParameter() {
        var parameter = new MergedParameter(
                3, false, 0.19, 0.495, Map.of("t", 2L), Map.of("t", 2L, "p", 2L), 0.8, Map.of("p", 2L));
        var merged = new QTableMerged(
                QTableId.of("t"),
                "p",
                null,
                MergeStrategy.VISIT_WEIGHTED_MEAN,
                List.of(),
                List.of(),
                new MergeCounts(0, 1, 44, 0),
                List.of(parameter),
                List.of());
        var edited = new QTableMerged(
                QTableId.of("t"),
                "p",
                null,
                MergeStrategy.VISIT_WEIGHTED_MEAN,
                List.of(),
                List.of(),
                new MergeCounts(0, 1, 44, 0),
                List.of(new MergedParameter(
                        3,
                        false,
                        0.19,
                        Math.nextUp(0.495),
                        Map.of("t", 2L),
                        Map.of("t", 2L, "p", 2L),
                        0.8,
                        Map.of("p", 2L))),
                List.of());

        assertThat(CanonicalBytes.of(merged)).isNotEqualTo(CanonicalBytes.of(edited));
        assertThat(CanonicalBytes.of(merged))
                .isNotEqualTo(CanonicalBytes.of(new QTableMerged(
                        QTableId.of("t"),
                        "p",
                        null,
                        MergeStrategy.VISIT_WEIGHTED_MEAN,
                        List.of(),
                        List.of(),
                        new MergeCounts(0, 1, 44, 0))));
    }
}
