package io.qswarm.projections.edge;

import io.qswarm.intelligence.api.Checks;

/**
 * How consistently a pattern's outcomes share one sign. With {@code pos} positive and {@code neg} negative outcomes
 * (zeros count for neither), {@code k = pos + neg} and the majority share {@code p = max(pos, neg) / k}, the Wilson
 * score lower bound of that share at {@code z} standard deviations is
 *
 * <pre>
 * L = (p + z²/(2k) − z·√(p(1 − p)/k + z²/(4k²))) / (1 + z²/k)
 * </pre>
 *
 * and the multiplier is {@code m_coh = 0.5 + 0.5·max(0, 2L − 1) = max(0.5, L)}: 0.5 for a coin flip or no signed
 * outcome yet, approaching the true majority share as evidence accumulates. The lower bound keeps a pattern seen
 * twice from looking perfectly coherent.
 */
record Coherence(double z) {

    Coherence {
        Recurrence.positive("wilson z", z);
    }

    /** The Wilson lower bound of the majority share; 0 when no outcome had a sign. */
    double wilsonLowerBound(long positives, long negatives) {
        if (positives < 0 || negatives < 0) {
            throw new IllegalArgumentException("outcome counts must not be negative");
        }
        long k = positives + negatives;
        if (k == 0) {
            return 0.0;
        }
        double p = (double) Math.max(positives, negatives) / k;
        double z2 = z * z;
        double centre = p + z2 / (2.0 * k);
        double spread = z * Math.sqrt(p * (1 - p) / k + z2 / (4.0 * k * k));
        return (centre - spread) / (1 + z2 / k);
    }

    double multiplier(long positives, long negatives) {
        return Math.max(0.5, Checks.finite("wilson bound", wilsonLowerBound(positives, negatives)));
    }
}
