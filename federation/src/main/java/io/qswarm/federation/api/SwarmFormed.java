package io.qswarm.federation.api;

import io.qswarm.intelligence.api.QTableId;
import java.time.Duration;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A swarm was formed with its members, topology, aggregation, quorum, round timeout and sync period. */
@Revision("1")
public record SwarmFormed(
        SwarmId swarmId,
        List<QTableId> members,
        Topology topology,
        AggregationRule aggregation,
        Quorum quorum,
        Duration roundTimeout,
        SyncPeriod syncPeriod) {}
