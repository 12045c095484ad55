package io.qswarm.app.federation.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.qswarm.audit.EntryLeaf;
import io.qswarm.audit.TableState;
import io.qswarm.federation.snapshot.KnowledgeSnapshot;
import io.qswarm.intelligence.api.ActionSpec;
import io.qswarm.intelligence.api.ConfidencePolicy;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.QTableEntry;
import io.qswarm.intelligence.api.QTableExport;
import io.qswarm.intelligence.api.ValueFunctionKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class KnowledgeSnapshotsTest {

    private static final List<ActionSpec> ACTIONS = List.of(ActionSpec.of("left", 0), ActionSpec.of("right", 0.5));

    private static TableState aReplayedTable(long version, List<EntryLeaf> entries) {
        return new TableState(
                "t1",
                "agent-1",
                ACTIONS,
                LearningRule.SARSA,
                0.2,
                0.9,
                ExplorationSchedule.constant(0.3),
                0.3,
                4,
                version,
                5,
                1,
                Instant.parse("2026-12-05T21:00:00Z"),
                "head",
                "sha",
                "root",
                entries,
                ValueFunctionKind.TABULAR,
                null,
                null);
    }

    private static EntryLeaf leaf(String state, String action, double q, Map<String, Long> origins) {
        return new EntryLeaf(state, action, q, origins);
    }

    @Nested
    class WhatATablePublishes {

        @Test
        void theReplayedTableWithItsLastEventAsSourcePosition() {
            // given
            var table = aReplayedTable(
                    12,
                    List.of(
                            leaf("s1", "right", 1.5, Map.of("t1", 3L, "peer-b", 1L)),
                            leaf("s2", "left", -1, Map.of("t1", 1L))));

            // when
            KnowledgeSnapshot snapshot = KnowledgeSnapshots.of(table, ConfidencePolicy.VISIT_RECIPROCAL);

            // then
            assertThat(snapshot.sourceEventPosition()).isEqualTo(12);
            assertThat(snapshot.exploration()).isEqualTo(ExplorationSchedule.constant(0.3));
            assertThat(snapshot.valueFunction()).isEqualTo(ValueFunctionKind.TABULAR);
            assertThat(snapshot.samples()).isEqualTo(5);
            QTableExport export = snapshot.table();
            assertThat(export.tableId().value()).isEqualTo("t1");
            assertThat(export.rule()).isEqualTo(LearningRule.SARSA);
            assertThat(export.actions()).isEqualTo(ACTIONS);
            QTableEntry first = export.entries().get(0);
            assertThat(first.state().value()).isEqualTo("s1");
            assertThat(first.visits()).isEqualTo(4);
            assertThat(first.visitsByOrigin()).isEqualTo(Map.of("t1", 3L, "peer-b", 1L));
            assertThat(first.confidence()).isEqualTo(0.8);
        }
    }

    @Nested
    class WhatASnapshotBrings {

        private final QTableExport snapshot = KnowledgeSnapshots.of(
                        aReplayedTable(
                                9,
                                List.of(
                                        leaf("s1", "right", 1.5, Map.of("t1", 3L)),
                                        leaf("s2", "left", -1, Map.of("t1", 2L, "peer-b", 1L)))),
                        ConfidencePolicy.VISIT_RECIPROCAL)
                .table();

        @Test
        void everyVisitedEntryToATableThatDoesNotExistYet() {
            assertThat(KnowledgeSnapshots.entriesWithNewExperience(List.of(), snapshot))
                    .isEqualTo(2);
        }

        @Test
        void nothingToATableThatCountedEveryOriginAlready() {
            // given a local table that merged the snapshot before and learned more on its own
            var local = List.of(
                    leaf("s1", "right", 1.2, Map.of("t1", 3L, "copy", 5L)),
                    leaf("s2", "left", -0.5, Map.of("t1", 2L, "peer-b", 4L)));

            assertThat(KnowledgeSnapshots.entriesWithNewExperience(local, snapshot))
                    .isZero();
        }

        @Test
        void theEntriesWithExperiencesOfAnOriginTheTableHasNotCounted() {
            var local = List.of(
                    leaf("s1", "right", 1.2, Map.of("t1", 2L)),
                    leaf("s2", "left", -0.5, Map.of("t1", 2L, "peer-b", 1L)));

            assertThat(KnowledgeSnapshots.entriesWithNewExperience(local, snapshot))
                    .isEqualTo(1);
        }
    }
}
