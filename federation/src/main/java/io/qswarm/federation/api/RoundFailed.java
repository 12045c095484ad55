package io.qswarm.federation.api;

import io.qswarm.intelligence.api.QTableId;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A round closed without its quorum: its contributions are discarded and nothing is merged. */
@Revision("1")
public record RoundFailed(
        SwarmId swarmId, RoundId roundId, List<QTableId> contributors, List<QTableId> stragglers, String reason) {}
