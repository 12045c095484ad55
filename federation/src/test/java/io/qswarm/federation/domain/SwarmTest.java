package io.qswarm.federation.domain;

import static io.qswarm.federation.fixtures.FederationFixtures.A;
import static io.qswarm.federation.fixtures.FederationFixtures.B;
import static io.qswarm.federation.fixtures.FederationFixtures.C;
import static io.qswarm.federation.fixtures.FederationFixtures.D;
import static io.qswarm.federation.fixtures.FederationFixtures.ROUND_1;
import static io.qswarm.federation.fixtures.FederationFixtures.ROUND_2;
import static io.qswarm.federation.fixtures.FederationFixtures.SWARM;
import static io.qswarm.federation.fixtures.FederationFixtures.TIMEOUT;
import static io.qswarm.federation.fixtures.FederationFixtures.aMeshOfThree;
import static io.qswarm.federation.fixtures.FederationFixtures.aMeshOfThreeFormed;
import static io.qswarm.federation.fixtures.FederationFixtures.aSwarm;
import static io.qswarm.federation.fixtures.FederationFixtures.entry;
import static io.qswarm.federation.fixtures.FederationFixtures.formed;
import static io.qswarm.federation.fixtures.FederationFixtures.fullMesh;
import static io.qswarm.federation.fixtures.FederationFixtures.meshRoundStarted;
import static org.assertj.core.api.Assertions.assertThat;

import io.qswarm.federation.api.AggregationRule;
import io.qswarm.federation.api.CloseRound;
import io.qswarm.federation.api.ContributeKnowledge;
import io.qswarm.federation.api.FormSwarm;
import io.qswarm.federation.api.JoinSwarm;
import io.qswarm.federation.api.KnowledgeAggregated;
import io.qswarm.federation.api.KnowledgeContributed;
import io.qswarm.federation.api.KnowledgeRequested;
import io.qswarm.federation.api.LeaveSwarm;
import io.qswarm.federation.api.MemberJoined;
import io.qswarm.federation.api.MemberLeft;
import io.qswarm.federation.api.MergeSkipped;
import io.qswarm.federation.api.Neighbourhood;
import io.qswarm.federation.api.Quorum;
import io.qswarm.federation.api.RequestKnowledge;
import io.qswarm.federation.api.RoundCompleted;
import io.qswarm.federation.api.RoundFailed;
import io.qswarm.federation.api.RoundId;
import io.qswarm.federation.api.RoundStarted;
import io.qswarm.federation.api.StartRound;
import io.qswarm.federation.api.SwarmError;
import io.qswarm.federation.api.SwarmRefusedException;
import io.qswarm.federation.api.Topology;
import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.QTableId;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SwarmTest {

    private static final PeerEntry A_KNOWS = entry("s0", "left", 1.0, A, 1);
    private static final PeerEntry B_KNOWS = entry("s0", "left", 4.0, B, 3);
    private static final PeerEntry C_KNOWS = entry("s1", "right", -2.0, C, 2);

    private FixtureConfiguration<Swarm> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Swarm.class);
    }

    private static KnowledgeContributed contributed(QTableId participant, long version, PeerEntry... entries) {
        return new KnowledgeContributed(SWARM, ROUND_1, participant, version, List.of(entries));
    }

    private static ContributeKnowledge contribute(QTableId participant, long version, PeerEntry... entries) {
        return new ContributeKnowledge(SWARM, ROUND_1, participant, version, List.of(entries));
    }

    private static Matcher<SwarmRefusedException> refusal(SwarmError error) {
        return Matchers.predicate(exception -> exception.error() == error);
    }

    @Nested
    class Membership {

        @Test
        void aSwarmIsFormedWithItsMembersSorted() {
            var command = aSwarm(Topology.ring(), AggregationRule.median(), Quorum.fraction(0.5), C, A, B);

            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(formed(command));
        }

        @Test
        void aTableJoins() {
            fixture.given(aMeshOfThreeFormed()).when(new JoinSwarm(SWARM, D)).expectEvents(new MemberJoined(SWARM, D));
        }

        @Test
        void aMemberCannotJoinTwice() {
            fixture.given(aMeshOfThreeFormed())
                    .when(new JoinSwarm(SWARM, A))
                    .expectNoEvents()
                    .expectException(SwarmRefusedException.class)
                    .expectException(refusal(SwarmError.ALREADY_MEMBER))
                    .expectExceptionMessage("table-a is already a member of swarm-1");
        }

        @Test
        void aMemberLeaves() {
            fixture.given(aMeshOfThreeFormed()).when(new LeaveSwarm(SWARM, B)).expectEvents(new MemberLeft(SWARM, B));
        }

        @Test
        void anUnknownTableCannotLeave() {
            fixture.given(aMeshOfThreeFormed())
                    .when(new LeaveSwarm(SWARM, D))
                    .expectException(refusal(SwarmError.UNKNOWN_MEMBER))
                    .expectExceptionMessage("table-d is not a member of swarm-1");
        }

        @Test
        void theHubCannotLeave() {
            var hub = aSwarm(Topology.hub(A), AggregationRule.visitWeightedMean(), Quorum.atLeast(1), A, B);

            fixture.given(formed(hub))
                    .when(new LeaveSwarm(SWARM, A))
                    .expectException(refusal(SwarmError.HUB_CANNOT_LEAVE))
                    .expectExceptionMessage("table-a is the hub of swarm-1");
        }
    }

    @Nested
    class StartingARound {

        @Test
        void everyMemberTakesPartAndTheNeighbourhoodsFollowTheTopology() {
            fixture.given(aMeshOfThreeFormed())
                    .when(new StartRound(SWARM, 0L, false))
                    .expectEvents(meshRoundStarted(ROUND_1))
                    .expectResultMessagePayload(ROUND_1);
        }

        @Test
        void roundsAreNumberedAndAGossipDrawIsRecordedWithItsSeed() {
            var gossip = aSwarm(Topology.gossip(1), AggregationRule.median(), Quorum.fraction(0.5), A, B, C);

            fixture.given(
                            formed(gossip),
                            roundStartedOf(gossip, ROUND_1, 7L),
                            new RoundFailed(SWARM, ROUND_1, List.of(), List.of(A, B, C), "quorum not reached"))
                    .when(new StartRound(SWARM, 42L, false))
                    .expectResultMessagePayload(ROUND_2)
                    .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                            Matchers.predicate(event -> event instanceof RoundStarted started
                                    && started.roundId().equals(ROUND_2)
                                    && started.gossipSeed() == 42L
                                    && started.neighbourhoods()
                                            .equals(Neighbourhoods.of(gossip.topology(), List.of(A, B, C), 42L))
                                    && started.requiredContributions() == 2),
                            Matchers.andNoMore())));
        }

        @Test
        void aSecondRoundCannotStartWhileOneIsOpen() {
            fixture.given(aMeshOfThreeFormed(), meshRoundStarted(ROUND_1))
                    .when(new StartRound(SWARM, 0L, false))
                    .expectException(refusal(SwarmError.ROUND_ALREADY_OPEN))
                    .expectExceptionMessage("round swarm-1:1 is still open");
        }

        @Test
        void aRoundNeedsTwoMembers() {
            var alone = aSwarm(Topology.fullMesh(), null, Quorum.atLeast(1), A);

            fixture.given(formed(alone))
                    .when(new StartRound(SWARM, 0L, false))
                    .expectException(refusal(SwarmError.TOO_FEW_MEMBERS))
                    .expectExceptionMessage("a round needs at least 2 members, swarm-1 has 1");
        }

        @Test
        void aQuorumLargerThanTheSwarmIsRefused() {
            var five = aSwarm(Topology.fullMesh(), null, Quorum.atLeast(5), A, B, C);
            fixture.given(formed(five))
                    .when(new StartRound(SWARM, 0L, false))
                    .expectException(refusal(SwarmError.QUORUM_UNREACHABLE))
                    .expectExceptionMessage("the quorum needs 5 contributions, swarm-1 has 3 members");
        }

        @Test
        void krumIsRefusedWhenTheTopologyGivesTooFewSources() {
            var ring = aSwarm(Topology.ring(), AggregationRule.krum(1), Quorum.fraction(0.5), A, B, C, D);

            fixture.given(formed(ring))
                    .when(new StartRound(SWARM, 0L, false))
                    .expectException(refusal(SwarmError.AGGREGATION_UNSATISFIABLE))
                    .expectExceptionMessage(
                            "KRUM with f = 1 needs 5 sources, but table-a receives from 2 in a RING of 4");
        }
    }

    private static RoundStarted roundStartedOf(FormSwarm swarm, RoundId round, long seed) {
        List<QTableId> members = formed(swarm).members();
        return new RoundStarted(
                SWARM,
                round,
                members,
                Neighbourhoods.of(swarm.topology(), members, seed),
                swarm.aggregation(),
                swarm.quorum().required(members.size()),
                TIMEOUT,
                seed,
                false);
    }

    @Nested
    class RequestingKnowledge {

        @Test
        void theFirstRequestAsksForEverything() {
            fixture.given(aMeshOfThreeFormed(), meshRoundStarted(ROUND_1))
                    .when(new RequestKnowledge(SWARM, ROUND_1, A))
                    .expectEvents(new KnowledgeRequested(SWARM, ROUND_1, A, 0L));
        }

        @Test
        void laterRequestsAskForWhatChangedSinceTheLastCompletedContribution() {
            fixture.given(aMeshOfThreeFormed(), meshRoundStarted(ROUND_1))
                    .andGivenCommands(contribute(A, 17, A_KNOWS), contribute(B, 30, B_KNOWS), contribute(C, 9))
                    .andGivenCommands(new StartRound(SWARM, 0L, false))
                    .when(new RequestKnowledge(SWARM, ROUND_2, A))
                    .expectEvents(new KnowledgeRequested(SWARM, ROUND_2, A, 17L));
        }

        @Test
        void aFailedRoundDoesNotMoveTheVersionOn() {
            fixture.given(aMeshOfThreeFormed(), meshRoundStarted(ROUND_1), contributed(A, 17, A_KNOWS))
                    .andGivenCommands(new CloseRound(SWARM, ROUND_1), new StartRound(SWARM, 0L, false))
                    .when(new RequestKnowledge(SWARM, ROUND_2, A))
                    .expectEvents(new KnowledgeRequested(SWARM, ROUND_2, A, 0L));
        }

        @Test
        void aMembershipChangeOrAFullSyncAsksForEverythingAgain() {
            fixture.given(aMeshOfThreeFormed(), meshRoundStarted(ROUND_1))
                    .andGivenCommands(contribute(A, 17, A_KNOWS), contribute(B, 30, B_KNOWS), contribute(C, 9))
                    .andGivenCommands(new JoinSwarm(SWARM, D), new StartRound(SWARM, 0L, false))
                    .when(new RequestKnowledge(SWARM, ROUND_2, A))
                    .expectEvents(new KnowledgeRequested(SWARM, ROUND_2, A, 0L));

            fixture.given(aMeshOfThreeFormed(), meshRoundStarted(ROUND_1))
                    .andGivenCommands(contribute(A, 17, A_KNOWS), contribute(B, 30, B_KNOWS), contribute(C, 9))
                    .andGivenCommands(new StartRound(SWARM, 0L, true))
                    .when(new RequestKnowledge(SWARM, ROUND_2, A))
                    .expectEvents(new KnowledgeRequested(SWARM, ROUND_2, A, 0L));
        }

        @Test
        void aMembershipChangeDuringARoundStillAsksEveryoneForEverythingAfterIt() {
            // d joins while round 1 is open: round 1's contributions must not become baselines
            fixture.given(aMeshOfThreeFormed(), meshRoundStarted(ROUND_1), new MemberJoined(SWARM, D))
                    .andGivenCommands(contribute(A, 17, A_KNOWS), contribute(B, 30, B_KNOWS), contribute(C, 9))
                    .andGivenCommands(new StartRound(SWARM, 0L, false))
                    .when(new RequestKnowledge(SWARM, ROUND_2, A))
                    .expectEvents(new KnowledgeRequested(SWARM, ROUND_2, A, 0L));
        }

        @Test
        void onlyTheOpenRoundsParticipantsAreAsked() {
            fixture.given(aMeshOfThreeFormed(), meshRoundStarted(ROUND_1), new MemberJoined(SWARM, D))
                    .when(new RequestKnowledge(SWARM, ROUND_1, D))
                    .expectException(refusal(SwarmError.NOT_A_PARTICIPANT));
            fixture.given(aMeshOfThreeFormed(), meshRoundStarted(ROUND_1))
                    .when(new RequestKnowledge(SWARM, ROUND_2, A))
                    .expectException(refusal(SwarmError.STALE_ROUND));
        }
    }

    @Nested
    class Contributing {

        @Test
        void aParticipantsContributionIsAccepted() {
            fixture.given(aMeshOfThreeFormed(), meshRoundStarted(ROUND_1))
                    .when(contribute(A, 17, A_KNOWS))
                    .expectEvents(contributed(A, 17, A_KNOWS));
        }

        @Test
        void theLastContributionClosesTheRoundWithOneAggregatePerParticipant() {
            // a receives b and c, b receives a and c, c receives a and b (full mesh, a participant never itself)
            // s0/left: a 1.0 (w1), b 4.0 (w3) → for c: (1·1 + 4·3) / 4 = 3.25 with visits {a:1, b:3}
            fixture.given(
                            aMeshOfThreeFormed(),
                            meshRoundStarted(ROUND_1),
                            contributed(A, 1, A_KNOWS),
                            contributed(B, 3, B_KNOWS))
                    .when(contribute(C, 2, C_KNOWS))
                    .expectEvents(
                            contributed(C, 2, C_KNOWS),
                            aggregated(A, List.of(B, C), B_KNOWS, C_KNOWS),
                            aggregated(B, List.of(A, C), A_KNOWS, C_KNOWS),
                            aggregated(
                                    C, List.of(A, B), entry("s0", "left", 3.25, Map.of(A.value(), 1L, B.value(), 3L))),
                            new RoundCompleted(
                                    SWARM, ROUND_1, List.of(A, B, C), List.of(), List.of(A, B, C), List.of()));
        }

        @Test
        void anEmptyContributionCountsForTheQuorumButIsNoSource() {
            // b has nothing new: a receives nothing (its sources b, c brought nothing), c receives a's knowledge
            fixture.given(aMeshOfThreeFormed(), meshRoundStarted(ROUND_1), contributed(A, 1, A_KNOWS))
                    .when(contribute(B, 3))
                    .expectEvents(contributed(B, 3))
                    .expectSuccessfulHandlerExecution();
            fixture.given(
                            aMeshOfThreeFormed(),
                            meshRoundStarted(ROUND_1),
                            contributed(A, 1, A_KNOWS),
                            contributed(B, 3))
                    .when(new CloseRound(SWARM, ROUND_1))
                    .expectEvents(
                            aggregated(B, List.of(A), A_KNOWS),
                            aggregated(C, List.of(A), A_KNOWS),
                            new RoundCompleted(
                                    SWARM,
                                    ROUND_1,
                                    List.of(A, B),
                                    List.of(C),
                                    List.of(B, C),
                                    List.of(new MergeSkipped(
                                            A, "none of its sources [table-b, table-c] contributed new knowledge"))));
        }

        @Test
        void aTableThatIsNoMemberIsRefused() {
            fixture.given(aMeshOfThreeFormed(), meshRoundStarted(ROUND_1))
                    .when(contribute(D, 1, A_KNOWS))
                    .expectNoEvents()
                    .expectException(refusal(SwarmError.UNKNOWN_MEMBER))
                    .expectExceptionMessage("table-d is not a member of swarm-1");
        }

        @Test
        void aMemberThatJoinedAfterTheStartIsNoParticipant() {
            fixture.given(aMeshOfThreeFormed(), meshRoundStarted(ROUND_1), new MemberJoined(SWARM, D))
                    .when(contribute(D, 1, A_KNOWS))
                    .expectNoEvents()
                    .expectException(refusal(SwarmError.NOT_A_PARTICIPANT))
                    .expectExceptionMessage(
                            "table-d does not take part in round swarm-1:1 (it joined after the round started)");
        }

        @Test
        void aSecondContributionIsRefused() {
            fixture.given(aMeshOfThreeFormed(), meshRoundStarted(ROUND_1), contributed(A, 1, A_KNOWS))
                    .when(contribute(A, 2, A_KNOWS))
                    .expectNoEvents()
                    .expectException(refusal(SwarmError.DUPLICATE_CONTRIBUTION))
                    .expectExceptionMessage("table-a already contributed to round swarm-1:1");
        }

        @Test
        void aLateContributionToAClosedRoundIsRefused() {
            fixture.given(
                            aMeshOfThreeFormed(),
                            meshRoundStarted(ROUND_1),
                            new RoundFailed(SWARM, ROUND_1, List.of(), List.of(A, B, C), "quorum not reached"))
                    .when(contribute(A, 1, A_KNOWS))
                    .expectNoEvents()
                    .expectException(refusal(SwarmError.ROUND_NOT_OPEN))
                    .expectExceptionMessage("round swarm-1:1 is not open: swarm-1 has no open round (1 started)");
        }

        @Test
        void aContributionForAnotherRoundIsStale() {
            fixture.given(
                            aMeshOfThreeFormed(),
                            meshRoundStarted(ROUND_1),
                            new RoundFailed(SWARM, ROUND_1, List.of(), List.of(A, B, C), "quorum not reached"),
                            meshRoundStarted(ROUND_2))
                    .when(contribute(A, 1, A_KNOWS))
                    .expectNoEvents()
                    .expectException(refusal(SwarmError.STALE_ROUND))
                    .expectExceptionMessage("round swarm-1:1 is not the open round swarm-1:2");
        }

        @Test
        void aMemberThatLeftCannotContributeAndReceivesNothing() {
            fixture.given(aMeshOfThreeFormed(), meshRoundStarted(ROUND_1), new MemberLeft(SWARM, C))
                    .when(contribute(C, 1, C_KNOWS))
                    .expectException(refusal(SwarmError.UNKNOWN_MEMBER));
            fixture.given(
                            aMeshOfThreeFormed(),
                            meshRoundStarted(ROUND_1),
                            contributed(A, 1, A_KNOWS),
                            contributed(B, 3, B_KNOWS),
                            new MemberLeft(SWARM, C))
                    .when(new CloseRound(SWARM, ROUND_1))
                    .expectEvents(
                            aggregated(A, List.of(B), B_KNOWS),
                            aggregated(B, List.of(A), A_KNOWS),
                            new RoundCompleted(
                                    SWARM,
                                    ROUND_1,
                                    List.of(A, B),
                                    List.of(C),
                                    List.of(A, B),
                                    List.of(new MergeSkipped(C, "left the swarm during the round"))));
        }
    }

    @Nested
    class Closing {

        @Test
        void aRoundWithItsQuorumCompletesWithItsStragglersListed() {
            fixture.given(
                            aMeshOfThreeFormed(),
                            meshRoundStarted(ROUND_1),
                            contributed(A, 1, A_KNOWS),
                            contributed(B, 3, B_KNOWS))
                    .when(new CloseRound(SWARM, ROUND_1))
                    .expectEvents(
                            aggregated(A, List.of(B), B_KNOWS),
                            aggregated(B, List.of(A), A_KNOWS),
                            aggregated(
                                    C, List.of(A, B), entry("s0", "left", 3.25, Map.of(A.value(), 1L, B.value(), 3L))),
                            new RoundCompleted(SWARM, ROUND_1, List.of(A, B), List.of(C), List.of(A, B, C), List.of()));
        }

        @Test
        void aRoundWithoutItsQuorumFailsAndMergesNothing() {
            fixture.given(aMeshOfThreeFormed(), meshRoundStarted(ROUND_1), contributed(A, 1, A_KNOWS))
                    .when(new CloseRound(SWARM, ROUND_1))
                    .expectEvents(new RoundFailed(
                            SWARM,
                            ROUND_1,
                            List.of(A),
                            List.of(B, C),
                            "quorum not reached: 1 of 2 required contributions (3 participants)"));
        }

        @Test
        void aClosedRoundCannotBeClosedAgain() {
            fixture.given(
                            aMeshOfThreeFormed(),
                            meshRoundStarted(ROUND_1),
                            new RoundFailed(SWARM, ROUND_1, List.of(), List.of(A, B, C), "quorum not reached"))
                    .when(new CloseRound(SWARM, ROUND_1))
                    .expectException(refusal(SwarmError.ROUND_NOT_OPEN));
        }

        @Test
        void anotherRoundIdCannotCloseTheOpenRound() {
            fixture.given(aMeshOfThreeFormed(), meshRoundStarted(ROUND_1))
                    .when(new CloseRound(SWARM, ROUND_2))
                    .expectException(refusal(SwarmError.STALE_ROUND))
                    .expectExceptionMessage("round swarm-1:2 is not the open round swarm-1:1");
        }

        @Test
        void aParticipantWhoseSourcesAreTooFewForKrumIsSkippedWithTheReason() {
            var krum = aSwarm(Topology.fullMesh(), AggregationRule.krum(0), Quorum.atLeast(2), A, B, C, D);
            fixture.given(
                            formed(krum),
                            roundStartedOf(krum, ROUND_1, 0L),
                            contributed(A, 1, A_KNOWS),
                            contributed(B, 3, B_KNOWS))
                    .when(new CloseRound(SWARM, ROUND_1))
                    .expectEvents(new RoundCompleted(
                            SWARM,
                            ROUND_1,
                            List.of(A, B),
                            List.of(C, D),
                            List.of(),
                            List.of(
                                    new MergeSkipped(A, "KRUM with f = 0 needs at least 3 contributing sources, got 1"),
                                    new MergeSkipped(B, "KRUM with f = 0 needs at least 3 contributing sources, got 1"),
                                    new MergeSkipped(C, "KRUM with f = 0 needs at least 3 contributing sources, got 2"),
                                    new MergeSkipped(
                                            D, "KRUM with f = 0 needs at least 3 contributing sources, got 2"))));
        }
    }

    @Test
    void aRingSendsEachParticipantItsTwoNeighboursAndTheMaxStrategyMergesByMax() {
        var ring = aSwarm(Topology.ring(), AggregationRule.max(), Quorum.atLeast(4), A, B, C, D);
        RoundStarted started = roundStartedOf(ring, ROUND_1, 0L);
        PeerEntry dKnows = entry("s0", "left", 9.0, D, 1);

        fixture.given(
                        formed(ring),
                        started,
                        contributed(A, 1, A_KNOWS),
                        contributed(B, 3, B_KNOWS),
                        contributed(C, 2, C_KNOWS))
                .when(new ContributeKnowledge(SWARM, ROUND_1, D, 1, List.of(dKnows)))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.listWithAllOf(
                        Matchers.equalTo(new KnowledgeAggregated(
                                SWARM,
                                ROUND_1,
                                A,
                                List.of(B, D),
                                MergeStrategy.MAX,
                                List.of(entry("s0", "left", 9.0, Map.of(B.value(), 3L, D.value(), 1L))))),
                        Matchers.equalTo(new KnowledgeAggregated(
                                SWARM, ROUND_1, B, List.of(A, C), MergeStrategy.MAX, List.of(A_KNOWS, C_KNOWS))))));
        assertThat(started.neighbourhoods())
                .containsExactly(
                        new Neighbourhood(A, List.of(B, D)),
                        new Neighbourhood(B, List.of(A, C)),
                        new Neighbourhood(C, List.of(B, D)),
                        new Neighbourhood(D, List.of(A, C)));
    }

    private static KnowledgeAggregated aggregated(QTableId participant, List<QTableId> sources, PeerEntry... entries) {
        return new KnowledgeAggregated(
                SWARM, ROUND_1, participant, sources, MergeStrategy.VISIT_WEIGHTED_MEAN, List.of(entries));
    }

    @Test
    void theFixturesMeshIsTheFullMeshOfItsMembers() {
        assertThat(meshRoundStarted(ROUND_1).neighbourhoods())
                .isEqualTo(Neighbourhoods.of(aMeshOfThree().topology(), List.of(A, B, C), 0L))
                .isEqualTo(fullMesh(A, B, C));
    }
}
