package io.qswarm.projections.edge.api;

import io.qswarm.intelligence.api.Checks;
import io.qswarm.intelligence.api.QTableId;

/**
 * Asks for the latent factors of a table's patterns, computed on demand per (action category, regime signature),
 * optionally for one category and/or one regime. Answered with {@link PatternFactors}, or null for an unknown table.
 */
public record FetchPatternFactors(QTableId tableId, String category, String regime) {

    public FetchPatternFactors {
        Checks.required("tableId", tableId);
    }
}
