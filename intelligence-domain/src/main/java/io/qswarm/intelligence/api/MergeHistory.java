package io.qswarm.intelligence.api;

import java.time.Instant;
import java.util.List;

/** A page of a table's merges, newest first, and how many it recorded in all. */
public record MergeHistory(QTableId tableId, List<Merge> merges, int page, int size, long total) {

    /**
     * One merge. Divergence is the mean {@code |q_local − q_peer|} over the entries the merge changed, before and after
     * it (null when the event does not record the peer's values, or nothing changed).
     */
    public record Merge(
            long sequence,
            String peer,
            String round,
            MergeStrategy strategy,
            MergeCounts counts,
            Double divergenceBefore,
            Double divergenceAfter,
            Instant at) {}
}
