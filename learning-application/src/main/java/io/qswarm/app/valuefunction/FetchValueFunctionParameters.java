package io.qswarm.app.valuefunction;

import io.qswarm.intelligence.api.Checks;
import io.qswarm.intelligence.api.QTableId;

/**
 * Asks for a table's value function as a peer receives it: its spec and every parameter with the experiences it
 * stands on per origin ({@link ValueFunctionParameters}). Answered from the table's stored events; empty for a table
 * this store does not hold.
 */
public record FetchValueFunctionParameters(QTableId tableId) {

    public FetchValueFunctionParameters {
        Checks.required("tableId", tableId);
    }
}
