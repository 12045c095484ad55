package io.qswarm.intelligence.api;

/** Why the QTable refused a command. Stable codes for remote callers. */
public enum QTableError {
    INVALID_ARGUMENT,
    UNKNOWN_ACTION,
    MISSING_NEXT_ACTION,
    NON_FINITE_RESULT,
    /** A state key of an experience does not fit the table's feature schema; the reason names the key and schema. */
    STATE_OUTSIDE_SCHEMA,
    /** The table's value-function kind refuses merges (low-rank, CP); the reason says why and what to do instead. */
    VALUE_FUNCTION_NOT_MERGEABLE,
    /**
     * The peer's knowledge does not fit the table's value function: parameters of another spec, parameters sent to
     * a flat table, or state-action entries sent to a table whose values are a function's parameters.
     */
    VALUE_FUNCTION_MISMATCH,
    /** The command arrives on the credential of an agent that does not own the table (or would not own it). */
    FOREIGN_AGENT
}
