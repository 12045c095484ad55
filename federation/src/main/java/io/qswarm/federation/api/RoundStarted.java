package io.qswarm.federation.api;

import io.qswarm.intelligence.api.QTableId;
import java.time.Duration;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A round opened. It records everything the round is decided with, so replay needs no other input: the participants
 * (the members when it started, sorted), each one's sources as the topology resolved them (drawn from
 * {@code gossipSeed} for gossip), the aggregation, the contributions required for the quorum and the timeout.
 */
@Revision("1")
public record RoundStarted(
        SwarmId swarmId,
        RoundId roundId,
        List<QTableId> participants,
        List<Neighbourhood> neighbourhoods,
        AggregationRule aggregation,
        int requiredContributions,
        Duration roundTimeout,
        long gossipSeed,
        boolean fullSync) {}
