package io.qswarm.app.valuefunction;

import io.qswarm.intelligence.api.PeerParameters;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.ValueFunctionKind;

/**
 * A table's value function as of its last stored event.
 *
 * @param kind how the table represents its values; {@code TABULAR} for a flat table
 * @param parameters the spec and every parameter with its experiences per origin (own ones under the table's id), as
 *     a merge command carries them; null for a flat table (it shares state-action entries instead)
 * @param parametersSha256 {@code Parameters.sha256()} of the values, as the audit reports it; null for a flat table
 * @param events the table's events folded into this answer
 */
public record ValueFunctionParameters(
        QTableId tableId, ValueFunctionKind kind, PeerParameters parameters, String parametersSha256, long events) {

    /** Whether the table keeps its values in a value function's parameters. */
    public boolean parameterised() {
        return kind.parameterised();
    }

    /** Whether any parameter stands on an experience. */
    public boolean hasExperience() {
        return parameters != null
                && parameters.values().stream()
                        .anyMatch(value -> !value.visitsByOrigin().isEmpty());
    }
}
