package io.qswarm.app.federation;

import io.qswarm.federation.api.MergeSkipped;
import io.qswarm.federation.api.RoundId;
import io.qswarm.federation.api.SwarmId;
import io.qswarm.intelligence.api.QTableId;
import java.time.Instant;
import java.util.List;

/**
 * One round and its outcome, as the swarms read model knows it.
 *
 * @param status {@code OPEN}, {@code COMPLETED} or {@code FAILED}
 * @param contributions contributions accepted so far
 * @param outcome who contributed, who was late, who received a merge and who was skipped (null while open)
 * @param reason why a failed round failed
 */
public record RoundView(
        RoundId roundId,
        SwarmId swarmId,
        long number,
        String status,
        List<QTableId> participants,
        int requiredContributions,
        boolean fullSync,
        long gossipSeed,
        int contributions,
        Outcome outcome,
        String reason,
        Instant startedAt,
        Instant endedAt) {

    public record Outcome(
            List<QTableId> contributors,
            List<QTableId> stragglers,
            List<QTableId> merged,
            List<MergeSkipped> skipped) {}
}
