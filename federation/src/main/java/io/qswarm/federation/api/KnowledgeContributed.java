package io.qswarm.federation.api;

import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.QTableId;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A participant's contribution was accepted into the open round. */
@Revision("1")
public record KnowledgeContributed(
        SwarmId swarmId, RoundId roundId, QTableId participant, long tableVersion, List<PeerEntry> entries) {}
