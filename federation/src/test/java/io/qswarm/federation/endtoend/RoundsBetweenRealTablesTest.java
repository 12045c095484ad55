package io.qswarm.federation.endtoend;

import static io.qswarm.federation.fixtures.FederationFixtures.A;
import static io.qswarm.federation.fixtures.FederationFixtures.B;
import static io.qswarm.federation.fixtures.FederationFixtures.SWARM;
import static io.qswarm.federation.fixtures.FederationFixtures.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qswarm.federation.api.FormSwarm;
import io.qswarm.federation.api.KnowledgeContributed;
import io.qswarm.federation.api.Quorum;
import io.qswarm.federation.api.RoundCompleted;
import io.qswarm.federation.api.RoundId;
import io.qswarm.federation.api.StartRound;
import io.qswarm.federation.api.SyncPeriod;
import io.qswarm.federation.api.Topology;
import io.qswarm.federation.config.FederationModule;
import io.qswarm.federation.fixtures.StorageMapper;
import io.qswarm.intelligence.api.Experience;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.QTableMerged;
import io.qswarm.intelligence.api.RecordExperiences;
import io.qswarm.intelligence.api.StateKey;
import io.qswarm.intelligence.domain.QTable;
import io.qswarm.intelligence.fixtures.QTableFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole in-deployment loop with the real {@link QTable} aggregate: the swarm starts a round, the saga asks, the
 * responder reads each table's export and contributes its delta, the swarm aggregates, and the saga's merges land in
 * the tables as {@code QTableMerged} events.
 */
class RoundsBetweenRealTablesTest {

    /** Records what the tables and the swarm did. */
    static final class Recorder {
        final List<KnowledgeContributed> contributions = new CopyOnWriteArrayList<>();
        final List<QTableMerged> merges = new CopyOnWriteArrayList<>();
        final List<RoundCompleted> completed = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(KnowledgeContributed event) {
            contributions.add(event);
        }

        @EventHandler
        void on(QTableMerged event) {
            merges.add(event);
        }

        @EventHandler
        void on(RoundCompleted event) {
            completed.add(event);
        }
    }

    private final TableExports exports = new TableExports();
    private final Recorder recorder = new Recorder();
    private final StubDeadlineManager deadlines = new StubDeadlineManager();
    private Configuration axon;
    private int batches;

    @BeforeEach
    void start() {
        var configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> StorageMapper.serializer())
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .registerComponent(DeadlineManager.class, c -> deadlines)
                .configureAggregate(QTable.class)
                .registerQueryHandler(c -> exports);
        FederationModule.withResponder().configureModule(configurer);
        configurer.eventProcessing(processing -> processing
                .usingSubscribingEventProcessors()
                .registerEventHandler(c -> exports)
                .registerEventHandler(c -> recorder));
        axon = configurer.buildConfiguration();
        axon.start();
        axon.commandGateway().sendAndWait(QTableFixtures.aRoutingTable(A, LearningRule.Q_LEARNING));
        axon.commandGateway().sendAndWait(QTableFixtures.aRoutingTable(B, LearningRule.Q_LEARNING));
        axon.commandGateway()
                .sendAndWait(new FormSwarm(
                        SWARM,
                        List.of(A, B),
                        Topology.fullMesh(),
                        null,
                        Quorum.atLeast(2),
                        TIMEOUT,
                        SyncPeriod.everyEpisodes(1)));
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    private void learn(QTableId table, String state, String action, double reward, int times) {
        var experiences = new ArrayList<Experience>();
        for (int i = 0; i < times; i++) {
            experiences.add(Experience.terminal(StateKey.of(state), action, reward));
        }
        axon.commandGateway().sendAndWait(new RecordExperiences(table, "batch-" + batches++, experiences, true));
    }

    private RoundId round() {
        return axon.commandGateway().sendAndWait(new StartRound(SWARM, 0L, false));
    }

    private List<PeerEntry> contributed(RoundId round, QTableId table) {
        return recorder.contributions.stream()
                .filter(c -> c.roundId().equals(round) && c.participant().equals(table))
                .findFirst()
                .orElseThrow()
                .entries();
    }

    @Test
    void roundsShareKnowledgeSendOnlyDeltasAndNeverCountAnExperienceTwice() {
        // given a learned escalate twice in s0, b answered directly three times in s1
        learn(A, "s0", "escalate", 1.0, 2);
        learn(B, "s1", "direct_answer", -1.0, 3);

        // when the first round runs
        RoundId first = round();

        // then it completed at once (both answered), and each table holds the other's knowledge
        assertThat(recorder.completed).extracting(RoundCompleted::roundId).containsExactly(first);
        assertThat(deadlines.getScheduledDeadlines()).isEmpty();
        assertThat(exports.visits(A, "s1", "direct_answer")).isEqualTo(Map.of("table-b", 3L));
        assertThat(exports.visits(B, "s0", "escalate")).isEqualTo(Map.of("table-a", 2L));
        assertThat(exports.q(B, "s0", "escalate")).isCloseTo(exports.q(A, "s0", "escalate"), within(1e-12));
        assertThat(recorder.merges).allSatisfy(merge -> {
            assertThat(merge.peer()).isEqualTo("swarm-1");
            assertThat(merge.round()).isEqualTo(first.value());
        });

        // when a learns once more and a second round runs
        learn(A, "s0", "escalate", 1.0, 1);
        RoundId second = round();

        // then each table sends only what changed since round 1: a its new experience and the entry it merged (an
        // echo, which b counts as unchanged), b the entry it merged, which a already counts
        assertThat(contributed(second, A))
                .extracting(PeerEntry::state)
                .containsExactly(StateKey.of("s0"), StateKey.of("s1"));
        assertThat(contributed(second, B)).extracting(PeerEntry::state).containsExactly(StateKey.of("s0"));
        assertThat(exports.visits(B, "s0", "escalate")).isEqualTo(Map.of("table-a", 3L));
        assertThat(exports.totalVisits(A)).isEqualTo(6);
        assertThat(exports.totalVisits(B)).isEqualTo(6);

        // when nothing is learned any more, rounds converge to empty deltas and change nothing
        round();
        RoundId fourth = round();
        assertThat(contributed(fourth, A)).isEmpty();
        assertThat(contributed(fourth, B)).isEmpty();
        assertThat(exports.totalVisits(A)).isEqualTo(6);
        assertThat(exports.totalVisits(B)).isEqualTo(6);
    }
}
