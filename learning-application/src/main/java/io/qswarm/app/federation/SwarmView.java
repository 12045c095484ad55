package io.qswarm.app.federation;

import io.qswarm.federation.api.AggregationRule;
import io.qswarm.federation.api.Quorum;
import io.qswarm.federation.api.RoundId;
import io.qswarm.federation.api.SwarmId;
import io.qswarm.federation.api.SyncPeriod;
import io.qswarm.federation.api.Topology;
import io.qswarm.intelligence.api.QTableId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A swarm as the swarms read model knows it.
 *
 * @param remoteMembers the members hosted by peers, with their host (the others are tables of this deployment)
 * @param openRound the round now open, or null
 * @param lastRoundAt when the last round started, or null before the first
 */
public record SwarmView(
        SwarmId swarmId,
        List<QTableId> members,
        Map<String, String> remoteMembers,
        Topology topology,
        AggregationRule aggregation,
        Quorum quorum,
        Duration roundTimeout,
        SyncPeriod syncPeriod,
        long roundsStarted,
        RoundId openRound,
        Instant lastRoundAt,
        Instant formedAt) {

    /** What a swarm was formed with, kept as one JSON document in the read model. */
    record Definition(
            Topology topology,
            AggregationRule aggregation,
            Quorum quorum,
            Duration roundTimeout,
            SyncPeriod syncPeriod) {}
}
