package io.qswarm.federation.saga;

import static io.qswarm.federation.fixtures.FederationFixtures.A;
import static io.qswarm.federation.fixtures.FederationFixtures.B;
import static io.qswarm.federation.fixtures.FederationFixtures.C;
import static io.qswarm.federation.fixtures.FederationFixtures.ROUND_1;
import static io.qswarm.federation.fixtures.FederationFixtures.ROUND_2;
import static io.qswarm.federation.fixtures.FederationFixtures.SWARM;
import static io.qswarm.federation.fixtures.FederationFixtures.TIMEOUT;
import static io.qswarm.federation.fixtures.FederationFixtures.entry;
import static io.qswarm.federation.fixtures.FederationFixtures.meshRoundStarted;
import static org.assertj.core.api.Assertions.assertThat;

import io.qswarm.federation.api.CloseRound;
import io.qswarm.federation.api.KnowledgeAggregated;
import io.qswarm.federation.api.KnowledgeContributed;
import io.qswarm.federation.api.RequestKnowledge;
import io.qswarm.federation.api.RoundCompleted;
import io.qswarm.federation.api.RoundFailed;
import io.qswarm.intelligence.api.MergePeerKnowledge;
import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.QTableId;
import java.time.Duration;
import java.util.List;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoundSagaTest {

    private static final Duration RETRY = TIMEOUT.dividedBy(RoundSaga.RETRIES_PER_TIMEOUT);
    private static final PeerEntry B_KNOWS = entry("s0", "left", 4.0, B, 3);

    private SagaTestFixture<RoundSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(RoundSaga.class);
    }

    private static KnowledgeAggregated aggregatedFor(QTableId participant) {
        return new KnowledgeAggregated(
                SWARM, ROUND_1, participant, List.of(B), MergeStrategy.VISIT_WEIGHTED_MEAN, List.of(B_KNOWS));
    }

    private static RoundCompleted completed(List<QTableId> stragglers) {
        return new RoundCompleted(SWARM, ROUND_1, List.of(A, B), stragglers, List.of(A), List.of());
    }

    @Test
    void aStartedRoundAsksEveryParticipantAndSetsItsDeadline() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(meshRoundStarted(ROUND_1))
                .expectActiveSagas(1)
                .expectAssociationWith(RoundSaga.ROUND, ROUND_1)
                .expectDispatchedCommands(
                        new RequestKnowledge(SWARM, ROUND_1, A),
                        new RequestKnowledge(SWARM, ROUND_1, B),
                        new RequestKnowledge(SWARM, ROUND_1, C))
                .expectScheduledDeadlineWithName(TIMEOUT, RoundSaga.ROUND_DEADLINE);
    }

    @Test
    void eachAggregateIsForwardedAsAMergeFromTheSwarmForTheRound() {
        fixture.givenAPublished(meshRoundStarted(ROUND_1))
                .whenPublishingA(aggregatedFor(A))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new MergePeerKnowledge(
                        A, "swarm-1", "swarm-1:1", MergeStrategy.VISIT_WEIGHTED_MEAN, List.of(B_KNOWS)));
    }

    @Test
    void aContributionNeedsNoActionFromTheSaga() {
        fixture.givenAPublished(meshRoundStarted(ROUND_1))
                .whenPublishingA(new KnowledgeContributed(SWARM, ROUND_1, B, 3, List.of(B_KNOWS)))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(TIMEOUT, RoundSaga.ROUND_DEADLINE);
    }

    @Test
    void aRoundCompletedBeforeItsDeadlineEndsTheSagaAndCancelsTheDeadline() {
        // every participant answered: the swarm reached its quorum and closed the round itself
        fixture.givenAPublished(meshRoundStarted(ROUND_1))
                .andThenAPublished(aggregatedFor(A))
                .whenPublishingA(completed(List.of()))
                .expectActiveSagas(0)
                .expectNoAssociationWith(RoundSaga.ROUND, ROUND_1)
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();
    }

    @Test
    void theDeadlineAsksTheSwarmToCloseTheRoundAndKeepsRetrying() {
        fixture.givenAPublished(meshRoundStarted(ROUND_1))
                .whenTimeElapses(TIMEOUT)
                .expectTriggeredDeadlinesWithName(RoundSaga.ROUND_DEADLINE)
                .expectDispatchedCommands(new CloseRound(SWARM, ROUND_1))
                .expectScheduledDeadlineWithName(RETRY, RoundSaga.CLOSE_RETRY)
                .expectActiveSagas(1);
    }

    @Test
    void aLostCloseIsRepeatedByTheRetryDeadline() throws Exception {
        fixture.givenAPublished(meshRoundStarted(ROUND_1))
                .andThenTimeElapses(TIMEOUT)
                .whenTimeElapses(RETRY)
                // the fixture lists every deadline triggered so far: the round's, then the retry
                .expectTriggeredDeadlinesWithName(RoundSaga.ROUND_DEADLINE, RoundSaga.CLOSE_RETRY)
                .expectDispatchedCommands(new CloseRound(SWARM, ROUND_1))
                .expectScheduledDeadlineWithName(RETRY, RoundSaga.CLOSE_RETRY);
    }

    @Test
    void atTheDeadlineWithItsQuorumTheRoundForwardsItsMergesThenEnds() throws Exception {
        // the swarm answered the close with an aggregate for a, then completed the round with c straggling
        fixture.givenAPublished(meshRoundStarted(ROUND_1))
                .andThenTimeElapses(TIMEOUT)
                .andThenAPublished(aggregatedFor(A))
                .whenPublishingA(completed(List.of(C)))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();
    }

    @Test
    void atTheDeadlineWithoutItsQuorumTheRoundFailsWithoutMerges() throws Exception {
        fixture.givenAPublished(meshRoundStarted(ROUND_1))
                .andThenTimeElapses(TIMEOUT)
                .whenPublishingA(new RoundFailed(
                        SWARM, ROUND_1, List.of(A), List.of(B, C), "quorum not reached: 1 of 2 required contributions"))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();
    }

    @Test
    void nothingHappensForAnEndedRound() {
        // a late contribution is refused by the swarm; even an event of the ended round finds no saga
        fixture.givenAPublished(meshRoundStarted(ROUND_1))
                .andThenAPublished(completed(List.of(C)))
                .whenPublishingA(new KnowledgeContributed(SWARM, ROUND_1, C, 2, List.of()))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();
    }

    @Test
    void eventsOfAnotherRoundDoNotReachThisRound() {
        // round 2 is open; a stale aggregate of round 1 must not be merged in its name
        fixture.givenAPublished(meshRoundStarted(ROUND_2))
                .whenPublishingA(aggregatedFor(A))
                .expectActiveSagas(1)
                .expectAssociationWith(RoundSaga.ROUND, ROUND_2)
                .expectNoDispatchedCommands();
    }

    @Test
    void theRetryIsAFiftiethOfTheTimeoutAndNeverZero() {
        assertThat(RoundSaga.retryAfter(Duration.ofSeconds(30))).isEqualTo(Duration.ofMillis(600));
        assertThat(RoundSaga.retryAfter(Duration.ofNanos(5))).isEqualTo(Duration.ofMillis(1));
    }
}
