package io.qswarm.federation.api;

import static io.qswarm.federation.fixtures.FederationFixtures.A;
import static io.qswarm.federation.fixtures.FederationFixtures.B;
import static io.qswarm.federation.fixtures.FederationFixtures.ROUND_1;
import static io.qswarm.federation.fixtures.FederationFixtures.SWARM;
import static io.qswarm.federation.fixtures.FederationFixtures.TIMEOUT;
import static io.qswarm.federation.fixtures.FederationFixtures.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.QTableId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Nested
    class Aggregation {

        @Test
        void theDefaultIsTheVisitWeightedMean() {
            assertThat(new AggregationRule(null, 0, 0, 0)).isEqualTo(AggregationRule.visitWeightedMean());
        }

        @Test
        void aTrimOutsideZeroToOneHalfIsRefused() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> AggregationRule.trimmedMean(0.5))
                    .withMessage("trim β must be in [0, 0.5), was 0.5");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> AggregationRule.trimmedMean(-0.01))
                    .withMessage("trim β must be in [0, 0.5), was -0.01");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> AggregationRule.trimmedMean(Double.NaN))
                    .withMessage("trim must be a finite number, was NaN");
        }

        @Test
        void parametersAStrategyDoesNotUseAreRefused() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new AggregationRule(AggregationStrategy.MEDIAN, 0.1, 0, 0))
                    .withMessage("only the trimmed mean has a trim β, MEDIAN had 0.1");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new AggregationRule(AggregationStrategy.MAX, 0, 2, 0))
                    .withMessage("only Krum has a byzantine f, MAX had 2");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new AggregationRule(AggregationStrategy.KRUM, 0, 1, 3))
                    .withMessage("only Multi-Krum has a selection m, KRUM had 3");
        }

        @Test
        void krumNeedsANonNegativeFAndMultiKrumAtLeastOneSource() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> AggregationRule.krum(-1))
                    .withMessage("byzantine f must be in [0, 1000], was -1");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> AggregationRule.multiKrum(1, 0))
                    .withMessage("Multi-Krum keeps at least 1 source, m was 0");
            assertThat(AggregationRule.krum(2).minimumSources()).isEqualTo(7);
            assertThat(AggregationRule.median().minimumSources()).isEqualTo(1);
        }

        @Test
        void tablesMergeByMaxOrMinForThoseStrategiesAndByNewExperienceOtherwise() {
            assertThat(AggregationRule.max().tableMerge()).isEqualTo(MergeStrategy.MAX);
            assertThat(AggregationRule.min().tableMerge()).isEqualTo(MergeStrategy.MIN);
            assertThat(AggregationRule.median().tableMerge()).isEqualTo(MergeStrategy.VISIT_WEIGHTED_MEAN);
            assertThat(AggregationRule.multiKrum(1, 2).tableMerge()).isEqualTo(MergeStrategy.VISIT_WEIGHTED_MEAN);
        }

        @Test
        void theLearningRateTableMergeIsAnOptionOfEveryStrategyButMaxAndMin() {
            assertThat(AggregationRule.trimmedMean(0.2)
                            .withTableMerge(MergeStrategy.LEARNING_RATE)
                            .tableMerge())
                    .isEqualTo(MergeStrategy.LEARNING_RATE);
            assertThat(AggregationRule.median().withTableMerge(null)).isEqualTo(AggregationRule.median());
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> AggregationRule.max().withTableMerge(MergeStrategy.LEARNING_RATE))
                    .withMessage("the table merge of MAX must be MAX, was LEARNING_RATE");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> AggregationRule.median().withTableMerge(MergeStrategy.MIN))
                    .withMessage("the table merge of MEDIAN must be VISIT_WEIGHTED_MEAN or LEARNING_RATE, was MIN");
        }
    }

    @Nested
    class Quorums {

        @Test
        void aFractionIsRoundedUpWithoutFloatingPointNoise() {
            // 0.55 · 100 = 55.00000000000001 in doubles: still 55
            assertThat(Quorum.fraction(0.55).required(100)).isEqualTo(55);
            assertThat(Quorum.fraction(0.3).required(10)).isEqualTo(3);
            assertThat(Quorum.fraction(0.5).required(20)).isEqualTo(10);
            assertThat(Quorum.fraction(0.5).required(5)).isEqualTo(3);
            assertThat(Quorum.fraction(0.01).required(3)).isEqualTo(1);
            assertThat(Quorum.atLeast(4).required(20)).isEqualTo(4);
        }

        @Test
        void aQuorumIsEitherAMinimumOrAFraction() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new Quorum(2, 0.5))
                    .withMessage("a quorum is either a minimum of participants or a fraction, was 2 and 0.5");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Quorum.fraction(1.5))
                    .withMessage("quorum fraction must be in (0, 1], was 1.5");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Quorum.fraction(Double.NaN))
                    .withMessageContaining("(0, 1]");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Quorum.atLeast(0))
                    .withMessage("a quorum needs at least 1 participant, was 0");
        }
    }

    @Nested
    class Topologies {

        @Test
        void aHubNeedsItsHubAndGossipItsPeerCount() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new Topology(Topology.Kind.HUB, null, 0))
                    .withMessage("hub of a hub topology is required");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Topology.gossip(0))
                    .withMessage("gossip peers must be in [1, 64], was 0");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new Topology(Topology.Kind.RING, A, 0))
                    .withMessage("only a hub topology names a hub, RING named table-a");
        }

        @Test
        void theHubMustBeAMember() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() ->
                            new FormSwarm(SWARM, List.of(A), Topology.hub(B), null, Quorum.atLeast(1), TIMEOUT, null))
                    .withMessage("the hub table-b must be a member");
        }
    }

    @Nested
    class Swarms {

        @Test
        void membersAreUniqueAndTheTimeoutBounded() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new FormSwarm(
                            SWARM, List.of(A, A), Topology.ring(), null, Quorum.atLeast(1), TIMEOUT, null))
                    .withMessage("member table-a appears more than once");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new FormSwarm(
                            SWARM, List.of(A), Topology.ring(), null, Quorum.atLeast(1), Duration.ZERO, null))
                    .withMessage("roundTimeout must be in (0, PT168H], was PT0S");
        }

        @Test
        void defaultsAreTheWeightedMeanAndASyncEveryEpisode() {
            var swarm = new FormSwarm(SWARM, List.of(A), Topology.ring(), null, Quorum.atLeast(1), TIMEOUT, null);

            assertThat(swarm.aggregation()).isEqualTo(AggregationRule.visitWeightedMean());
            assertThat(swarm.syncPeriod()).isEqualTo(SyncPeriod.everyEpisodes(1));
        }

        @Test
        void roundIdsNameTheirSwarmAndNumber() {
            assertThat(RoundId.of(SWARM, 7)).hasToString("swarm-1:7");
            assertThatIllegalArgumentException().isThrownBy(() -> RoundId.of(SWARM, 0));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> SwarmId.of("s".repeat(101)))
                    .withMessage("swarmId must be at most 100 characters, was 101");
        }
    }

    @Nested
    class SyncPeriods {

        @Test
        void aRoundIsDueAfterItsEpisodesUpdatesOrInterval() {
            assertThat(SyncPeriod.everyEpisodes(5).isDue(4, 1_000, Duration.ofDays(1)))
                    .isFalse();
            assertThat(SyncPeriod.everyEpisodes(5).isDue(5, 0, Duration.ZERO)).isTrue();
            assertThat(SyncPeriod.everyUpdates(100).isDue(0, 100, Duration.ZERO))
                    .isTrue();
            assertThat(SyncPeriod.every(Duration.ofMinutes(1)).isDue(0, 0, Duration.ofSeconds(59)))
                    .isFalse();
            assertThat(SyncPeriod.every(Duration.ofMinutes(1)).isDue(0, 0, Duration.ofSeconds(60)))
                    .isTrue();
        }

        @Test
        void aPeriodIsPositive() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> SyncPeriod.everyEpisodes(0))
                    .withMessage("sync every must be at least 1 EPISODES, was 0");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> SyncPeriod.every(Duration.ofSeconds(-1)))
                    .withMessage("sync interval must be positive, was PT-1S");
        }
    }

    @Nested
    class Contributions {

        @Test
        void entriesMustStandOnCountedExperienceOncePerEntry() {
            PeerEntry once = entry("s0", "left", 1.0, A, 2);
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new ContributeKnowledge(SWARM, ROUND_1, A, 1, List.of(once, once)))
                    .withMessage("entry s0/left appears more than once");
            assertThatIllegalArgumentException()
                    .isThrownBy(() ->
                            new ContributeKnowledge(SWARM, ROUND_1, A, 1, List.of(PeerEntry.of("s0", "left", 1.0, 0))))
                    .withMessage("entry s0/left carries no experience");
            assertThatIllegalArgumentException()
                    .isThrownBy(() ->
                            new ContributeKnowledge(SWARM, ROUND_1, A, 1, List.of(PeerEntry.of("s0", "left", 1.0, 3))))
                    .withMessage("entry s0/left must count its visits per origin table");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new ContributeKnowledge(SWARM, ROUND_1, A, -1, List.of()))
                    .withMessage("tableVersion must not be negative, was -1");
        }

        @Test
        void nonFiniteValuesNeverGetIn() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> entry(
                            "s0", "left", Double.NaN, Map.of(QTableId.of("x").value(), 1L)))
                    .withMessageContaining("must be a finite number");
        }
    }
}
