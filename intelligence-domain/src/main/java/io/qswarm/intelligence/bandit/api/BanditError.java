package io.qswarm.intelligence.bandit.api;

/** Why a bandit policy refused a command. Stable codes for remote callers. */
public enum BanditError {
    UNKNOWN_ACTION,
    DIMENSION_MISMATCH,
    UNKNOWN_DECISION,
    CONFLICTING_DECISION,
    FUTURE_MODEL_VERSION,
    GUARD_TRIPPED,
    NOT_THE_DEFAULT_POLICY
}
