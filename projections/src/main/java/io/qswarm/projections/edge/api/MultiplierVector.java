package io.qswarm.projections.edge.api;

import io.qswarm.intelligence.api.Checks;

/**
 * One number per edge-score multiplier, in the fixed order recurrence, coherence, time efficiency, half-life. Carries
 * the multipliers of a pattern, the weights of a regime, or the correlations those weights were learned from.
 */
public record MultiplierVector(double recurrence, double coherence, double timeEfficiency, double halfLife) {

    /** How many multipliers there are. */
    public static final int SIZE = 4;

    public MultiplierVector {
        Checks.finite("recurrence", recurrence);
        Checks.finite("coherence", coherence);
        Checks.finite("timeEfficiency", timeEfficiency);
        Checks.finite("halfLife", halfLife);
    }

    public static MultiplierVector of(double[] values) {
        if (values.length != SIZE) {
            throw new IllegalArgumentException("a multiplier vector has " + SIZE + " values, got " + values.length);
        }
        return new MultiplierVector(values[0], values[1], values[2], values[3]);
    }

    public static MultiplierVector uniform(double value) {
        return new MultiplierVector(value, value, value, value);
    }

    public double[] toArray() {
        return new double[] {recurrence, coherence, timeEfficiency, halfLife};
    }

    public double sum() {
        return recurrence + coherence + timeEfficiency + halfLife;
    }
}
