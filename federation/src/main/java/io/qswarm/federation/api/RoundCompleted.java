package io.qswarm.federation.api;

import io.qswarm.intelligence.api.QTableId;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A round reached its quorum and closed; one {@link KnowledgeAggregated} precedes it for each participant in
 * {@code merged}. The contributors' table versions become what they are asked from next time.
 */
@Revision("1")
public record RoundCompleted(
        SwarmId swarmId,
        RoundId roundId,
        List<QTableId> contributors,
        List<QTableId> stragglers,
        List<QTableId> merged,
        List<MergeSkipped> skipped) {}
