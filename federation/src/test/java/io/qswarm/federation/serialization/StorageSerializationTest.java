package io.qswarm.federation.serialization;

import static io.qswarm.federation.fixtures.FederationFixtures.A;
import static io.qswarm.federation.fixtures.FederationFixtures.B;
import static io.qswarm.federation.fixtures.FederationFixtures.C;
import static io.qswarm.federation.fixtures.FederationFixtures.ROUND_1;
import static io.qswarm.federation.fixtures.FederationFixtures.SWARM;
import static io.qswarm.federation.fixtures.FederationFixtures.aMeshOfThreeFormed;
import static io.qswarm.federation.fixtures.FederationFixtures.entry;
import static io.qswarm.federation.fixtures.FederationFixtures.meshRoundStarted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qswarm.federation.api.AggregationRule;
import io.qswarm.federation.api.KnowledgeAggregated;
import io.qswarm.federation.api.KnowledgeContributed;
import io.qswarm.federation.api.KnowledgeRequested;
import io.qswarm.federation.api.MemberJoined;
import io.qswarm.federation.api.MemberLeft;
import io.qswarm.federation.api.MergeSkipped;
import io.qswarm.federation.api.Quorum;
import io.qswarm.federation.api.RoundCompleted;
import io.qswarm.federation.api.RoundFailed;
import io.qswarm.federation.api.SwarmFormed;
import io.qswarm.federation.api.SyncPeriod;
import io.qswarm.federation.api.Topology;
import io.qswarm.federation.domain.Swarm;
import io.qswarm.federation.fixtures.StorageMapper;
import io.qswarm.federation.saga.CloseAttempt;
import io.qswarm.federation.saga.RoundSaga;
import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.api.QTableId;
import java.time.Duration;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Everything federation stores must survive the storage serializer: events, swarm snapshots, sagas, deadlines. */
class StorageSerializationTest {

    private final ObjectMapper json = StorageMapper.mapper();

    static List<Object> events() {
        return List.of(
                aMeshOfThreeFormed(),
                new SwarmFormed(
                        SWARM,
                        List.of(A, B),
                        Topology.hub(A),
                        AggregationRule.multiKrum(1, 2),
                        Quorum.fraction(0.5),
                        Duration.ofMinutes(2),
                        SyncPeriod.every(Duration.ofSeconds(90))),
                new MemberJoined(SWARM, C),
                new MemberLeft(SWARM, C),
                meshRoundStarted(ROUND_1),
                new KnowledgeRequested(SWARM, ROUND_1, A, 12),
                new KnowledgeContributed(SWARM, ROUND_1, A, 12, List.of(entry("s0", "left", 0.5, A, 3))),
                new KnowledgeAggregated(
                        SWARM,
                        ROUND_1,
                        B,
                        List.of(A),
                        MergeStrategy.VISIT_WEIGHTED_MEAN,
                        List.of(entry("s0", "left", 0.5, A, 3))),
                new RoundCompleted(
                        SWARM,
                        ROUND_1,
                        List.of(A),
                        List.of(B, C),
                        List.of(B),
                        List.of(new MergeSkipped(C, "none of its sources contributed"))),
                new RoundFailed(SWARM, ROUND_1, List.of(A), List.of(B, C), "quorum not reached"));
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyEventRoundTrips(Object event) throws Exception {
        String written = json.writeValueAsString(event);

        assertThat(json.readValue(written, event.getClass())).isEqualTo(event);
    }

    @Test
    void anAggregationRuleStoredBeforeTheTableMergeExistedReadsWithItsStrategysDefault() throws Exception {
        String old = "{\"strategy\":\"MEDIAN\",\"trim\":0.0,\"byzantine\":0,\"selected\":0}";

        AggregationRule rule = json.readValue(old, AggregationRule.class);

        assertThat(rule).isEqualTo(AggregationRule.median());
        assertThat(rule.tableMerge()).isEqualTo(MergeStrategy.VISIT_WEIGHTED_MEAN);
        AggregationRule learningRate = AggregationRule.median().withTableMerge(MergeStrategy.LEARNING_RATE);
        assertThat(json.readValue(json.writeValueAsString(learningRate), AggregationRule.class))
                .isEqualTo(learningRate);
    }

    @Test
    void aSwarmWithAnOpenRoundSurvivesASnapshot() throws Exception {
        // given a swarm rebuilt from its events, with contributions in its open round
        Swarm swarm = replayed(
                aMeshOfThreeFormed(),
                meshRoundStarted(ROUND_1),
                new KnowledgeContributed(SWARM, ROUND_1, A, 12, List.of(entry("s0", "left", 0.5, A, 3))));

        // when
        Swarm restored = json.readValue(json.writeValueAsString(swarm), Swarm.class);

        // then
        assertThat(restored).usingRecursiveComparison().isEqualTo(swarm);
        assertThat(json.writeValueAsString(restored)).contains("\"openRound\":{");
    }

    @Test
    void theSagaAndItsDeadlinePayloadRoundTrip() throws Exception {
        var saga = new RoundSaga();
        var field = RoundSaga.class.getDeclaredField("roundId");
        field.setAccessible(true);
        field.set(saga, ROUND_1);

        RoundSaga restored = json.readValue(json.writeValueAsString(saga), RoundSaga.class);

        assertThat(restored).usingRecursiveComparison().isEqualTo(saga);
        var attempt = new CloseAttempt(Duration.ofMillis(1_500));
        assertThat(json.readValue(json.writeValueAsString(attempt), CloseAttempt.class))
                .isEqualTo(attempt);
    }

    private static Swarm replayed(Object... events) {
        var storage = new InMemoryEventStorageEngine();
        for (int i = 0; i < events.length; i++) {
            storage.appendEvents(new GenericDomainEventMessage<>("Swarm", SWARM.value(), i, events[i]));
        }
        var repository = org.axonframework.eventsourcing.EventSourcingRepository.builder(Swarm.class)
                .eventStore(org.axonframework.eventsourcing.eventstore.EmbeddedEventStore.builder()
                        .storageEngine(storage)
                        .build())
                .build();
        var unitOfWork = org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(null);
        try {
            return repository.load(SWARM.value()).invoke(aggregate -> aggregate);
        } finally {
            unitOfWork.rollback();
        }
    }

    @Test
    void theFixtureMembersAreTheOnesReplayed() {
        assertThat(List.<QTableId>of(A, B, C)).isEqualTo(aMeshOfThreeFormed().members());
    }
}
