package io.qswarm.projections.confidence;

import io.qswarm.intelligence.api.QTableId;
import java.time.Instant;
import java.util.List;

/** A page of entries matching a {@link FetchConfidenceEntries}; {@code total} counts every match. */
public record ConfidenceEntriesPage(QTableId tableId, int page, int size, long total, List<EntryConfidence> entries) {

    /** One visited entry: value, visits, confidence, positive/negative outcomes and the event time it last changed. */
    public record EntryConfidence(
            String state,
            String action,
            double q,
            long visits,
            double confidence,
            long successes,
            long failures,
            Instant lastUpdate) {}
}
