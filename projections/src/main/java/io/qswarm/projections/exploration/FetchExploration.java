package io.qswarm.projections.exploration;

import io.qswarm.intelligence.api.QTableId;

/**
 * How much a table still explores: its epsilon, schedule and epsilon timeline. Answers {@link ExplorationTimeline},
 * or null for an unknown table. Also a subscription query: updates follow every learning batch.
 */
public record FetchExploration(QTableId tableId) {

    public FetchExploration {
        if (tableId == null) {
            throw new IllegalArgumentException("tableId is required");
        }
    }
}
