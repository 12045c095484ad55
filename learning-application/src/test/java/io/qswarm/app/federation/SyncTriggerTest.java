package io.qswarm.app.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.qswarm.federation.api.AggregationRule;
import io.qswarm.federation.api.Quorum;
import io.qswarm.federation.api.RoundId;
import io.qswarm.federation.api.StartRound;
import io.qswarm.federation.api.SwarmError;
import io.qswarm.federation.api.SwarmId;
import io.qswarm.federation.api.SwarmRefusedException;
import io.qswarm.federation.api.SyncPeriod;
import io.qswarm.federation.api.Topology;
import io.qswarm.intelligence.api.QTableId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The sync trigger against a fake read model and a fake swarm: when rounds start, with which seed, how often full. */
class SyncTriggerTest {

    private static final Instant FORMED = Instant.parse("2026-11-22T10:00:00Z");
    private static final SwarmId SWARM = SwarmId.of("s");
    private static final QTableId A = QTableId.of("a");
    private static final QTableId B = QTableId.of("b");
    private static final QTableId REMOTE = QTableId.of("r");

    private final Map<QTableId, SyncTrigger.Activity> learned = new HashMap<>();
    private final List<StartRound> started = new ArrayList<>();
    private SwarmView swarm;
    private Instant now = FORMED;
    private boolean refuse;

    private SyncTrigger trigger(int fullSyncEvery) {
        return new SyncTrigger(
                () -> List.of(swarm),
                table -> Optional.ofNullable(learned.get(table)),
                command -> {
                    if (refuse) {
                        throw new SwarmRefusedException(SwarmError.ROUND_ALREADY_OPEN, "open");
                    }
                    started.add(command);
                    swarm = withRound(swarm, swarm.roundsStarted() + 1, now);
                    return RoundId.of(SWARM, swarm.roundsStarted());
                },
                new GossipSeeds(42),
                new Clock() {
                    @Override
                    public Instant instant() {
                        return now;
                    }

                    @Override
                    public java.time.ZoneId getZone() {
                        return ZoneOffset.UTC;
                    }

                    @Override
                    public Clock withZone(java.time.ZoneId zone) {
                        return this;
                    }
                },
                new FederationProperties.Sync(true, Duration.ofSeconds(1), 42L, fullSyncEvery));
    }

    private static SwarmView swarm(SyncPeriod period) {
        return new SwarmView(
                SWARM,
                List.of(A, B, REMOTE),
                Map.of(REMOTE.value(), "beta"),
                Topology.fullMesh(),
                AggregationRule.visitWeightedMean(),
                Quorum.atLeast(2),
                Duration.ofSeconds(30),
                period,
                0,
                null,
                null,
                FORMED);
    }

    private static SwarmView withRound(SwarmView view, long rounds, Instant at) {
        return new SwarmView(
                view.swarmId(),
                view.members(),
                view.remoteMembers(),
                view.topology(),
                view.aggregation(),
                view.quorum(),
                view.roundTimeout(),
                view.syncPeriod(),
                rounds,
                null,
                at,
                view.formedAt());
    }

    @Test
    void aRoundStartsWhenTheLocalMembersTogetherLearnedOnePeriodOfEpisodes() {
        // given a swarm that syncs every 10 episodes; the remote member's learning is invisible here
        swarm = swarm(SyncPeriod.everyEpisodes(10));
        SyncTrigger trigger = trigger(0);
        learned.put(A, new SyncTrigger.Activity(4, 40));
        learned.put(B, new SyncTrigger.Activity(5, 50));
        assertThat(trigger.tick()).isEmpty();

        // when together they pass 10
        learned.put(B, new SyncTrigger.Activity(6, 60));

        // then a round starts, and the next one needs 10 more episodes
        assertThat(trigger.tick()).containsExactly(RoundId.of(SWARM, 1));
        learned.put(A, new SyncTrigger.Activity(13, 130));
        assertThat(trigger.tick()).isEmpty();
        learned.put(B, new SyncTrigger.Activity(7, 70));
        assertThat(trigger.tick()).containsExactly(RoundId.of(SWARM, 2));
    }

    @Test
    void updatesCountLikeEpisodes() {
        swarm = swarm(SyncPeriod.everyUpdates(100));
        SyncTrigger trigger = trigger(0);
        learned.put(A, new SyncTrigger.Activity(1, 99));
        assertThat(trigger.tick()).isEmpty();
        learned.put(A, new SyncTrigger.Activity(1, 100));
        assertThat(trigger.tick()).hasSize(1);
    }

    @Test
    void anIntervalCountsFromTheLastRoundOrTheFormation() {
        // given
        swarm = swarm(SyncPeriod.every(Duration.ofMinutes(5)));
        SyncTrigger trigger = trigger(0);

        // then
        now = FORMED.plus(Duration.ofMinutes(4));
        assertThat(trigger.tick()).isEmpty();
        now = FORMED.plus(Duration.ofMinutes(5));
        assertThat(trigger.tick()).hasSize(1);
        now = now.plus(Duration.ofMinutes(3));
        assertThat(trigger.tick()).isEmpty();
        now = now.plus(Duration.ofMinutes(2));
        assertThat(trigger.tick()).hasSize(1);
    }

    @Test
    void seedsComeFromTheSeededGeneratorAndEveryNthRoundIsAFullSync() {
        // given
        swarm = swarm(SyncPeriod.every(Duration.ofSeconds(1)));
        SyncTrigger trigger = trigger(3);

        // when six rounds come due
        for (int i = 1; i <= 6; i++) {
            now = FORMED.plusSeconds(i);
            trigger.tick();
        }

        // then
        var seeds = new SplittableRandom(42);
        assertThat(started)
                .extracting(StartRound::gossipSeed)
                .containsExactly(
                        seeds.nextLong(),
                        seeds.nextLong(),
                        seeds.nextLong(),
                        seeds.nextLong(),
                        seeds.nextLong(),
                        seeds.nextLong());
        assertThat(started).extracting(StartRound::fullSync).containsExactly(false, false, true, false, false, true);
    }

    @Test
    void aSwarmWithAnOpenRoundOrARefusalIsLeftForTheNextTick() {
        // given
        swarm = swarm(SyncPeriod.everyEpisodes(1));
        learned.put(A, new SyncTrigger.Activity(5, 5));
        SyncTrigger trigger = trigger(0);
        refuse = true;

        // then
        assertThat(trigger.tick()).isEmpty();
        refuse = false;
        assertThat(trigger.tick()).hasSize(1);
    }

    @Test
    void aRoundStartedElsewhereRestartsTheCount() {
        // given a trigger that has seen the swarm
        swarm = swarm(SyncPeriod.everyEpisodes(10));
        learned.put(A, new SyncTrigger.Activity(5, 5));
        SyncTrigger trigger = trigger(0);
        trigger.tick();

        // when someone starts a round through the API, and the tables learn 9 more episodes
        swarm = withRound(swarm, 1, now);
        trigger.tick();
        learned.put(A, new SyncTrigger.Activity(14, 14));

        // then no round is due yet: the count restarted at the other round
        assertThat(trigger.tick()).isEmpty();
        learned.put(A, new SyncTrigger.Activity(15, 15));
        assertThat(trigger.tick()).hasSize(1);
    }
}
