package io.qswarm.intelligence.bandit.api;

import io.qswarm.intelligence.api.Checks;

/**
 * The policy the runtime falls back to while the drift guard is tripped: always one fixed action (propensity 1), or
 * an action drawn uniformly at random (propensity {@code 1/K}).
 *
 * @param action the fixed action; {@code null} for the uniform policy
 */
public record DefaultPolicy(Kind kind, String action) {

    public enum Kind {
        FIXED_ACTION,
        UNIFORM
    }

    public DefaultPolicy {
        Checks.required("defaultPolicy.kind", kind);
        if (kind == Kind.FIXED_ACTION) {
            Checks.identifier("defaultPolicy.action", action);
        } else if (action != null) {
            throw new IllegalArgumentException("a uniform default policy names no action, was '" + action + "'");
        }
    }

    public static DefaultPolicy fixed(String action) {
        return new DefaultPolicy(Kind.FIXED_ACTION, action);
    }

    public static DefaultPolicy uniform() {
        return new DefaultPolicy(Kind.UNIFORM, null);
    }

    /** The probability this policy gives {@code candidate} among {@code actionCount} actions. */
    public double probabilityOf(String candidate, int actionCount) {
        return kind == Kind.UNIFORM ? 1.0 / actionCount : (action.equals(candidate) ? 1.0 : 0.0);
    }
}
