package io.qswarm.federation.participant;

import static io.qswarm.federation.fixtures.FederationFixtures.ROUND_1;
import static io.qswarm.federation.fixtures.FederationFixtures.ROUND_2;
import static io.qswarm.federation.fixtures.FederationFixtures.SWARM;
import static io.qswarm.federation.participant.KnowledgeDeltaTest.TABLE;
import static io.qswarm.federation.participant.KnowledgeDeltaTest.entry;
import static io.qswarm.federation.participant.KnowledgeDeltaTest.export;
import static org.assertj.core.api.Assertions.assertThat;

import io.qswarm.federation.api.ContributeKnowledge;
import io.qswarm.federation.api.KnowledgeRequested;
import io.qswarm.intelligence.api.FetchQTableExport;
import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.QTableExport;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.StateKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.queryhandling.QueryHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The responder on a real (in-memory) Axon configuration: event in, query out, command back. */
class KnowledgeResponderTest {

    /** The read model's answer, switchable between requests. */
    static final class Exports {
        volatile QTableExport current;

        @QueryHandler
        QTableExport handle(FetchQTableExport query) {
            return current != null && current.tableId().equals(query.tableId()) ? current : null;
        }
    }

    static final class Contributions {
        final List<ContributeKnowledge> received = new CopyOnWriteArrayList<>();

        @CommandHandler
        void handle(ContributeKnowledge command) {
            received.add(command);
        }
    }

    private final Exports exports = new Exports();
    private final Contributions contributions = new Contributions();
    private Configuration axon;

    @BeforeEach
    void start() {
        var baselines = new KnowledgeBaselines();
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .registerQueryHandler(c -> exports)
                .registerCommandHandler(c -> contributions)
                .eventProcessing(processing -> processing
                        .usingSubscribingEventProcessors()
                        .registerEventHandler(c ->
                                new KnowledgeResponder(c.queryGateway(), c.commandGateway(), baselines, TABLE::equals)))
                .buildConfiguration();
        axon.start();
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    private void request(QTableId table, io.qswarm.federation.api.RoundId round, long since) {
        axon.eventBus().publish(GenericEventMessage.asEventMessage(new KnowledgeRequested(SWARM, round, table, since)));
    }

    @Test
    void aFirstRequestIsAnsweredWithTheWholeTable() {
        // given
        exports.current = export(entry("s0", "escalate", 0.4, Map.of("table-a", 2L)));

        // when
        request(TABLE, ROUND_1, 0);

        // then
        assertThat(contributions.received)
                .containsExactly(new ContributeKnowledge(
                        SWARM,
                        ROUND_1,
                        TABLE,
                        2,
                        List.of(new PeerEntry(StateKey.of("s0"), "escalate", 0.4, 2, Map.of("table-a", 2L)))));
    }

    @Test
    void aLaterRequestIsAnsweredWithWhatChangedSinceTheVersionAskedAbout() {
        // given round 1 answered at version 2
        exports.current = export(
                entry("s0", "escalate", 0.4, Map.of("table-a", 2L)),
                entry("s1", "escalate", 0.1, Map.of("table-b", 1L)));
        request(TABLE, ROUND_1, 0);
        long version = contributions.received.get(0).tableVersion();
        // and s1 learned since
        exports.current = export(
                entry("s0", "escalate", 0.4, Map.of("table-a", 2L)),
                entry("s1", "escalate", 0.3, Map.of("table-a", 1L, "table-b", 1L)));

        // when
        request(TABLE, ROUND_2, version);

        // then
        assertThat(version).isEqualTo(3);
        ContributeKnowledge second = contributions.received.get(1);
        assertThat(second.roundId()).isEqualTo(ROUND_2);
        assertThat(second.tableVersion()).isEqualTo(4);
        assertThat(second.entries()).extracting(PeerEntry::state).containsExactly(StateKey.of("s1"));
    }

    @Test
    void aVersionTheResponderDoesNotRememberIsAnsweredInFull() {
        exports.current = export(
                entry("s0", "escalate", 0.4, Map.of("table-a", 2L)),
                entry("s1", "escalate", 0.1, Map.of("table-b", 1L)));

        request(TABLE, ROUND_1, 99);

        assertThat(contributions.received.get(0).entries()).hasSize(2);
    }

    @Test
    void tablesOfOtherDeploymentsAndUnknownTablesAreNotAnswered() {
        exports.current = export(entry("s0", "escalate", 0.4, Map.of("table-a", 2L)));

        request(QTableId.of("remote-table"), ROUND_1, 0);
        exports.current = null;
        request(TABLE, ROUND_1, 0);

        assertThat(contributions.received).isEmpty();
    }
}
