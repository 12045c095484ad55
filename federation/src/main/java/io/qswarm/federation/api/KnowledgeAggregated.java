package io.qswarm.federation.api;

import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.QTableId;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The aggregate of a participant's sources in a completed round, to be merged into its table with
 * {@code tableMerge}. Each entry's visits are the per-origin maximum over the contributions the value was computed
 * from, so they never count an experience twice.
 *
 * @param sources the contributions the aggregate was computed from (for Krum and Multi-Krum, the selected ones)
 */
@Revision("1")
public record KnowledgeAggregated(
        SwarmId swarmId,
        RoundId roundId,
        QTableId participant,
        List<QTableId> sources,
        MergeStrategy tableMerge,
        List<PeerEntry> entries) {}
