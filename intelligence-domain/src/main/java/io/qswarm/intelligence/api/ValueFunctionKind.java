package io.qswarm.intelligence.api;

/** How a table represents its values. Later kinds (factored, hierarchical, low-rank) join this list. */
public enum ValueFunctionKind {
    TABULAR
}
