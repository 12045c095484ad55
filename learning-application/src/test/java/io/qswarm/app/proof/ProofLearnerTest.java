package io.qswarm.app.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qswarm.intelligence.api.CreateQTable;
import io.qswarm.intelligence.api.QTableEntry;
import io.qswarm.intelligence.api.QTableExport;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.StateKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProofLearnerTest {

    private final CreateQTable table = Learning.DEFAULT.table("learner-a");

    private ProofLearner aLearner(long seed) {
        return new ProofLearner(table, Learning.TASK, seed, new ProofLearner.Values());
    }

    private QTableExport anExport(QTableId id, QTableEntry... entries) {
        return new QTableExport(
                QTableExport.FORMAT_VERSION,
                id,
                table.agentId(),
                table.actions(),
                table.rule(),
                table.alpha(),
                table.gamma(),
                0.1,
                List.of(entries));
    }

    @Test
    void theSameSeedLearnsTheSameEpisodes() {
        ProofLearner first = aLearner(7);
        ProofLearner second = aLearner(7);
        for (int e = 0; e < 20; e++) {
            first.learnEpisode(first::unrecorded);
            second.learnEpisode(second::unrecorded);
        }
        assertThat(first.steps()).isEqualTo(second.steps()).isPositive();
        assertThat(first.greedyPolicy()).isEqualTo(second.greedyPolicy());
    }

    @Test
    void afterAReloadTheLearnerActsOnTheTablesValues() {
        // given a learner that learned a little, and a table that prefers dropoff in state 0 (south elsewhere)
        ProofLearner learner = aLearner(3);
        for (int e = 0; e < 5; e++) {
            learner.learnEpisode(learner::unrecorded);
        }
        var export = anExport(table.tableId(), new QTableEntry(StateKey.of("0"), "dropoff", 5.0, 3, Map.of(), 0));

        // when
        learner.reload(export);

        // then only the table's values count: everything it learned before is gone
        int[] policy = learner.greedyPolicy();
        assertThat(policy[0]).isEqualTo(5);
        for (int s = 1; s < policy.length; s++) {
            assertThat(policy[s]).as("state %d", s).isZero();
        }
    }

    @Test
    void aLearnerReloadsOnlyItsOwnTable() {
        ProofLearner learner = aLearner(3);
        assertThatThrownBy(() -> learner.reload(anExport(QTableId.of("someone-else"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTableThatNeverLearnedFailsTaxi() {
        assertThat(aLearner(1).greedyReturn()).isLessThan(0);
    }
}
