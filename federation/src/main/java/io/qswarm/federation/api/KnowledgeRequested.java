package io.qswarm.federation.api;

import io.qswarm.intelligence.api.QTableId;
import org.axonframework.serialization.Revision;

/**
 * A participant was asked for its knowledge: the entries that changed since {@code sinceVersion}, the table version of
 * its last contribution to a completed round of this swarm (0: everything).
 */
@Revision("1")
public record KnowledgeRequested(SwarmId swarmId, RoundId roundId, QTableId participant, long sinceVersion) {}
