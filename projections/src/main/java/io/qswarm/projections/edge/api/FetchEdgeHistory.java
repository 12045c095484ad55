package io.qswarm.projections.edge.api;

import io.qswarm.intelligence.api.Checks;
import io.qswarm.intelligence.api.QTableId;

/**
 * Asks for one edge-score row with its capped edge history (the points its half-life was fitted on). Answered with
 * an {@link EdgeHistoryView}, or null when the table or the row is unknown.
 *
 * @param regime the regime signature, {@code ""} for unscoped experiences
 */
public record FetchEdgeHistory(QTableId tableId, String pattern, String category, String regime) {

    public FetchEdgeHistory {
        Checks.required("tableId", tableId);
        Checks.required("pattern", pattern);
        Checks.required("category", category);
        Checks.required("regime", regime);
    }
}
