package io.qswarm.federation.participant;

import static io.qswarm.intelligence.fixtures.QTableFixtures.AGENT;
import static io.qswarm.intelligence.fixtures.QTableFixtures.ROUTING_ACTIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.QTableEntry;
import io.qswarm.intelligence.api.QTableExport;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.StateKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KnowledgeDeltaTest {

    static final QTableId TABLE = QTableId.of("table-a");

    static QTableExport export(QTableEntry... entries) {
        return new QTableExport(
                QTableExport.FORMAT_VERSION,
                TABLE,
                AGENT,
                ROUTING_ACTIONS,
                LearningRule.Q_LEARNING,
                0.1,
                0.9,
                0.1,
                List.of(entries));
    }

    static QTableEntry entry(String state, String action, double q, Map<String, Long> origins) {
        long visits = origins.values().stream().mapToLong(Long::longValue).sum();
        return new QTableEntry(StateKey.of(state), action, q, visits, origins, 0.5);
    }

    private static final QTableEntry S0 = entry("s0", "escalate", 0.4, Map.of("table-a", 2L));
    private static final QTableEntry S1 = entry("s1", "escalate", -0.2, Map.of("table-a", 1L, "table-b", 3L));
    private static final QTableEntry UNSEEN = entry("s2", "escalate", 0.0, Map.of());

    @Test
    void theVersionIsTheTablesExperienceMass() {
        // 2 + (1 + 3) + 0 = 6
        assertThat(KnowledgeDelta.versionOf(export(S0, S1, UNSEEN))).isEqualTo(6);
    }

    @Test
    void withoutABaselineEveryEntryWithExperienceIsSent() {
        KnowledgeDelta.Answer answer = KnowledgeDelta.since(export(S0, S1, UNSEEN), Optional.empty());

        assertThat(answer.version()).isEqualTo(6);
        assertThat(answer.entries())
                .containsExactly(
                        new PeerEntry(StateKey.of("s0"), "escalate", 0.4, 2, Map.of("table-a", 2L)),
                        new PeerEntry(StateKey.of("s1"), "escalate", -0.2, 4, Map.of("table-a", 1L, "table-b", 3L)));
        assertThat(answer.visits()).isEqualTo(Map.of("s0\u0000escalate", 2L, "s1\u0000escalate", 4L));
    }

    @Test
    void withABaselineOnlyEntriesWhoseVisitsGrewAreSent() {
        // given the baseline after the first answer; then s1 learned once more and s2 was seen for the first time
        var baseline = KnowledgeDelta.since(export(S0, S1), Optional.empty()).visits();
        var s1Later = entry("s1", "escalate", -0.1, Map.of("table-a", 2L, "table-b", 3L));
        var s2Later = entry("s2", "escalate", 0.7, Map.of("table-a", 1L));

        // when
        KnowledgeDelta.Answer answer = KnowledgeDelta.since(export(S0, s1Later, s2Later), Optional.of(baseline));

        // then s0 is unchanged and stays home
        assertThat(answer.entries()).extracting(PeerEntry::state).containsExactly(StateKey.of("s1"), StateKey.of("s2"));
        assertThat(answer.version()).isEqualTo(2 + 5 + 1);
    }

    @Test
    void visitsWithoutAnOriginVectorAreTheTablesOwn() {
        var bare = new QTableEntry(StateKey.of("s0"), "escalate", 0.4, 3, Map.of(), 0.5);

        assertThat(KnowledgeDelta.since(export(bare), Optional.empty()).entries())
                .containsExactly(new PeerEntry(StateKey.of("s0"), "escalate", 0.4, 3, Map.of("table-a", 3L)));
    }

    @Test
    void baselinesRememberTheLastVersionsOnly() {
        var baselines = new KnowledgeBaselines(2);
        baselines.remember(TABLE, 1, Map.of("k", 1L));
        baselines.remember(TABLE, 2, Map.of("k", 2L));
        baselines.remember(TABLE, 3, Map.of("k", 3L));

        assertThat(baselines.at(TABLE, 1)).isEmpty();
        assertThat(baselines.at(TABLE, 2)).contains(Map.of("k", 2L));
        assertThat(baselines.at(TABLE, 3)).contains(Map.of("k", 3L));
        assertThat(baselines.at(QTableId.of("other"), 3)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> new KnowledgeBaselines(0));
    }
}
