package io.qswarm.intelligence.api;

/** Why the QTable refused a command. Stable codes for remote callers. */
public enum QTableError {
    INVALID_ARGUMENT,
    UNKNOWN_ACTION,
    MISSING_NEXT_ACTION,
    NON_FINITE_RESULT
}
