package io.qswarm.audit;

import static io.qswarm.intelligence.domain.ValueFunctionTables.aTable;
import static io.qswarm.intelligence.domain.ValueFunctionTables.market;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qswarm.infra.axon.QSwarmSerializers;
import io.qswarm.intelligence.api.Experience;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.MergePeerKnowledge;
import io.qswarm.intelligence.api.PeerParameter;
import io.qswarm.intelligence.api.PeerParameters;
import io.qswarm.intelligence.api.QTableCreated;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.RecordExperiences;
import io.qswarm.intelligence.domain.QTable;
import io.qswarm.intelligence.domain.ValueFunctionTables;
import io.qswarm.intelligence.valuefunction.ValueFunctionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Snapshots of tables with a value function go through the storage mapper (Jackson) and come back equal, field by
 * field and bit for bit: the spec with its kind and features, the parameters, the experiences per parameter and per
 * pair. (Loading a real snapshot from the store is covered by {@code ValueFunctionStoreIT}.)
 */
class QTableSnapshotRoundTripTest {

    private final ObjectMapper storage = QSwarmSerializers.storageMapper();

    @Test
    void aTableOfEveryKindRoundTripsThroughTheStorageMapper() throws Exception {
        try (var tables = new InMemoryTables()) {
            int n = 0;
            for (ValueFunctionSpec spec : ValueFunctionTables.everyKind()) {
                // given a table of this kind that learned and (when it merges) merged
                var id = QTableId.of("snapshot-" + n++);
                tables.commands().sendAndWait(aTable(id, spec, LearningRule.Q_LEARNING));
                tables.commands().sendAndWait(learned(id, spec));
                if (spec.mergeSupport().mergeable() && spec.kind() != ValueFunctionSpec.Kind.TABULAR) {
                    var values = new ArrayList<PeerParameter>();
                    for (int j = 0; j < spec.parameterCount(); j++) {
                        values.add(new PeerParameter(0.25 * (j % 3), Map.of("peer-b", (long) (j % 2))));
                    }
                    tables.commands()
                            .sendAndWait(MergePeerKnowledge.ofParameters(
                                    id, "peer-b", null, null, new PeerParameters(spec, values)));
                }
                QTable live = tables.load(id);

                // when it is written as a snapshot and read back
                byte[] json = storage.writeValueAsBytes(live);
                QTable restored = storage.readValue(json, QTable.class);

                // then nothing was lost or changed
                assertThat(restored)
                        .as(spec.describe())
                        .usingRecursiveComparison()
                        .usingOverriddenEquals() // value equality, as the aggregate test fixture compares state
                        .isEqualTo(live);
                assertThat(storage.writeValueAsString(restored)).isEqualTo(new String(json, "UTF-8"));
            }
        }
    }

    @Test
    void aCreationEventWithASpecRoundTripsWithItsKindAndFeatureTypes() throws Exception {
        for (ValueFunctionSpec spec : ValueFunctionTables.everyKind()) {
            QTableCreated created = ValueFunctionTables.aTableCreated(spec);

            String json = storage.writeValueAsString(created);

            assertThat(storage.readValue(json, QTableCreated.class)).isEqualTo(created);
            assertThat(json).contains("\"kind\":\"" + spec.kind().name() + "\"");
        }
        assertThat(storage.writeValueAsString(ValueFunctionTables.aTableCreated(ValueFunctionTables.hierarchical())))
                .contains("{\"type\":\"categorical\",\"name\":\"regime\",\"values\":[\"calm\",\"storm\"]}")
                .contains("{\"type\":\"numeric\",\"name\":\"signal\",\"min\":0.0,\"max\":1.0,\"buckets\":4}");
    }

    private static RecordExperiences learned(QTableId id, ValueFunctionSpec spec) {
        var steps = new ArrayList<Experience>();
        if (spec.kind() == ValueFunctionSpec.Kind.COMMUNICATION) {
            steps.add(Experience.terminal(ValueFunctionTables.context("gain", "calm", "none"), "positive", 0.9));
            steps.add(Experience.terminal(ValueFunctionTables.context("loss", "storm", "alert"), "persist", 1.2));
        } else {
            steps.add(Experience.transition(market("calm", "low", 0.3), "long", 1.0, market("storm", "mid", 0.7)));
            steps.add(Experience.transition(market("storm", "mid", 0.7), "short", -0.5, market("calm", "low", 0.3)));
            steps.add(Experience.terminal(market("storm", "high", 1.0), "flat", 0.25));
        }
        return new RecordExperiences(id, "episode-1", List.copyOf(steps), true);
    }
}
