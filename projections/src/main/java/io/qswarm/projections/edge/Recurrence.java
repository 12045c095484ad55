package io.qswarm.projections.edge;

import io.qswarm.intelligence.api.Checks;

/**
 * How often a pattern has recurred: {@code m_rec = 0.5 + 0.5·tanh(n / n_target)}. A pattern seen once counts little,
 * one seen {@code n_target} times scores 0.8808, and the multiplier saturates at 1.
 */
record Recurrence(double target) {

    Recurrence {
        positive("recurrence target", target);
    }

    double multiplier(long samples) {
        return Curve.halfTanh(samples / target);
    }

    static void positive(String field, double value) {
        Checks.finite(field, value);
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
    }
}
