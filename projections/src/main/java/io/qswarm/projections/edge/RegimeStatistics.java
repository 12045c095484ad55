package io.qswarm.projections.edge;

import io.qswarm.projections.edge.api.MultiplierVector;
import java.util.Arrays;

/**
 * Running co-moments of each multiplier with the realized edge that followed it, for one (regime signature, action
 * category). A sample is a pair {@code (m, z)}: the multipliers a pattern row carried before a batch, and the signal
 * {@code x} one of its occurrences then realized, oriented by the sign the row predicted: {@code z = x·sign(e_prev)}.
 * Updated with Welford's algorithm (stable, one pass, order-deterministic):
 *
 * <pre>
 * n ← n + 1;  dz = z − z̄;  z̄ ← z̄ + dz/n;  M2_z ← M2_z + dz·(z − z̄)
 * for each k:  dm = m_k − m̄_k;  m̄_k ← m̄_k + dm/n;  M2_k ← M2_k + dm·(m_k − m̄_k);  C_k ← C_k + dm·(z − z̄)
 * ρ_k = C_k / √(M2_k·M2_z)     (0 when either variance is 0)
 * </pre>
 *
 * Mutable: the projection loads one per key, feeds the batch's samples and writes it back.
 */
final class RegimeStatistics {

    private long samples;
    private double meanZ;
    private double m2Z;
    private final double[] mean;
    private final double[] m2;
    private final double[] co;

    RegimeStatistics() {
        this(
                0,
                0,
                0,
                new double[MultiplierVector.SIZE],
                new double[MultiplierVector.SIZE],
                new double[MultiplierVector.SIZE]);
    }

    RegimeStatistics(long samples, double meanZ, double m2Z, double[] mean, double[] m2, double[] co) {
        this.samples = samples;
        this.meanZ = meanZ;
        this.m2Z = m2Z;
        this.mean = mean.clone();
        this.m2 = m2.clone();
        this.co = co.clone();
    }

    RegimeStatistics copy() {
        return new RegimeStatistics(samples, meanZ, m2Z, mean, m2, co);
    }

    void add(MultiplierVector multipliers, double z) {
        double[] m = multipliers.toArray();
        samples++;
        double dz = z - meanZ;
        meanZ += dz / samples;
        double dzAfter = z - meanZ;
        m2Z += dz * dzAfter;
        for (int k = 0; k < m.length; k++) {
            double dm = m[k] - mean[k];
            mean[k] += dm / samples;
            m2[k] += dm * (m[k] - mean[k]);
            co[k] += dm * dzAfter;
        }
    }

    long samples() {
        return samples;
    }

    double meanZ() {
        return meanZ;
    }

    double m2Z() {
        return m2Z;
    }

    double[] mean() {
        return mean.clone();
    }

    double[] m2() {
        return m2.clone();
    }

    double[] co() {
        return co.clone();
    }

    /** Pearson correlation of each multiplier with the oriented realized edge; 0 where a variance is 0. */
    MultiplierVector correlations() {
        double[] rho = new double[MultiplierVector.SIZE];
        for (int k = 0; k < rho.length; k++) {
            double denominator = Math.sqrt(m2[k] * m2Z);
            rho[k] = denominator > 0 ? Math.max(-1, Math.min(1, co[k] / denominator)) : 0.0;
        }
        return MultiplierVector.of(rho);
    }

    @Override
    public String toString() {
        return "RegimeStatistics[n=" + samples + ", z̄=" + meanZ + ", m̄=" + Arrays.toString(mean) + "]";
    }
}
