package io.qswarm.intelligence.api;

import io.qswarm.intelligence.valuefunction.ValueFunctionSpec;

/**
 * How a table represents its values: the flat table ({@code TABULAR}, the default) or one of the value functions of
 * {@code io.qswarm.intelligence.valuefunction} declared by the table's {@link ValueFunctionSpec}. The names are those
 * of {@link ValueFunctionSpec.Kind}. See {@code docs/value-functions.md}.
 */
public enum ValueFunctionKind {
    TABULAR,
    ADDITIVE,
    HIERARCHICAL,
    LOW_RANK,
    CP,
    TILE_CODING,
    COMMUNICATION;

    /** The kind of a table with {@code spec}; a table without a spec is {@code TABULAR}. */
    public static ValueFunctionKind of(ValueFunctionSpec spec) {
        return spec == null ? TABULAR : valueOf(spec.kind().name());
    }

    /**
     * Whether tables of this kind keep their values in a value function's parameters (everything but the flat
     * table): an update may move other state-action pairs than the updated one, and merges average parameters.
     */
    public boolean parameterised() {
        return this != TABULAR;
    }
}
