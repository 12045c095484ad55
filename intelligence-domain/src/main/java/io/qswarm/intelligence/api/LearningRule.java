package io.qswarm.intelligence.api;

/** The temporal-difference rule a table learns with. See {@code docs/formulas.md}. */
public enum LearningRule {
    /** Off-policy: bootstraps on {@code max_a' Q(s', a')}. */
    Q_LEARNING,
    /** On-policy: bootstraps on {@code Q(s', a')} for the action actually taken next. */
    SARSA,
    /** Bootstraps on the expectation of {@code Q(s', ·)} under the epsilon-greedy policy. */
    EXPECTED_SARSA
}
