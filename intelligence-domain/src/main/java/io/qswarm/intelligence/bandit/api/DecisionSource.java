package io.qswarm.intelligence.bandit.api;

/** Who made a recorded decision: the learned model, or the configured default policy (the drift guard's fallback). */
public enum DecisionSource {
    MODEL,
    DEFAULT_POLICY
}
