package io.qswarm.projections.edge.api;

import io.qswarm.intelligence.api.Checks;
import io.qswarm.intelligence.api.QTableId;

/** Asks for the multiplier weights of every (regime signature, action category) of a table; null if unknown. */
public record FetchRegimeWeights(QTableId tableId) {

    public FetchRegimeWeights {
        Checks.required("tableId", tableId);
    }
}
