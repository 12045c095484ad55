package io.qswarm.federation.exchange;

import static io.qswarm.intelligence.fixtures.QTableFixtures.AGENT;
import static io.qswarm.intelligence.fixtures.QTableFixtures.ROUTING_ACTIONS;
import static io.qswarm.intelligence.fixtures.QTableFixtures.TABLE;
import static io.qswarm.intelligence.fixtures.QTableFixtures.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.MergePeerKnowledge;
import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.QTableEntry;
import io.qswarm.intelligence.api.QTableExport;
import io.qswarm.intelligence.api.QTableId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnowledgeTransferTest {

    private static final QTableId PEER = QTableId.of("router-2");

    private static QTableExport exportOf(QTableId id, QTableEntry... entries) {
        return new QTableExport(
                QTableExport.FORMAT_VERSION,
                id,
                AGENT,
                ROUTING_ACTIONS,
                LearningRule.Q_LEARNING,
                0.1,
                0.95,
                0.1,
                List.of(entries));
    }

    @Test
    void exportedEntriesTravelWithTheirOriginVectors() {
        // given a peer entry that already holds 4 of our experiences and 6 of its own
        var export = exportOf(
                PEER,
                new QTableEntry(state("s0"), "escalate", 0.4, 10, Map.of("router-1", 4L, "router-2", 6L), 0.9),
                new QTableEntry(state("s1"), "escalate", 0.0, 0, Map.of(), 0.0));

        // when
        MergePeerKnowledge merge = KnowledgeTransfer.mergeOf(export, TABLE, "round-7", MergeStrategy.MAX);

        // then entries without experience are not sent
        assertThat(merge.tableId()).isEqualTo(TABLE);
        assertThat(merge.peer()).isEqualTo("router-2");
        assertThat(merge.round()).isEqualTo("round-7");
        assertThat(merge.strategy()).isEqualTo(MergeStrategy.MAX);
        assertThat(merge.entries())
                .containsExactly(
                        new PeerEntry(state("s0"), "escalate", 0.4, 10, Map.of("router-1", 4L, "router-2", 6L)));
    }

    @Test
    void theDefaultStrategyIsTheVisitWeightedMean() {
        var export = exportOf(PEER, new QTableEntry(state("s0"), "escalate", 0.4, 1, Map.of("router-2", 1L), 0.5));

        assertThat(KnowledgeTransfer.mergeOf(export, TABLE, null, null).strategy())
                .isEqualTo(MergeStrategy.VISIT_WEIGHTED_MEAN);
    }

    @Test
    void aTableCannotMergeItself() {
        var export = exportOf(TABLE, new QTableEntry(state("s0"), "escalate", 0.4, 1, Map.of("router-1", 1L), 0.5));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> KnowledgeTransfer.mergeOf(export, TABLE, null, null))
                .withMessageContaining("cannot merge its own knowledge");
    }

    @Test
    void aTableWithoutExperienceHasNothingToShare() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KnowledgeTransfer.mergeOf(exportOf(PEER), TABLE, null, null))
                .withMessageContaining("no experience to share");
    }
}
