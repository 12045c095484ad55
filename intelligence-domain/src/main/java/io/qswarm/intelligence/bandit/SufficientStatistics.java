package io.qswarm.intelligence.bandit;

import io.qswarm.intelligence.bandit.api.OriginStatistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one origin observed of one action, summarised: {@code n}, {@code G = Σ x xᵀ} (packed upper triangle),
 * {@code s = Σ r x} and {@code Σ r²}. Immutable value with exact {@code equals}; {@link #plus} returns a new one.
 */
public final class SufficientStatistics {

    /** Relative tolerance under which two statistics of the same count are taken to be the same. */
    public static final double SAME_TOLERANCE = 1e-9;

    private final int dimension;
    private final long count;
    private final double[] sumOuterProducts;
    private final double[] sumRewardContext;
    private final double sumSquaredRewards;

    /** For snapshot deserialization through fields. */
    private SufficientStatistics() {
        this(0, 0, null, null, 0.0);
    }

    private SufficientStatistics(
            int dimension, long count, double[] sumOuterProducts, double[] sumRewardContext, double sumSquaredRewards) {
        this.dimension = dimension;
        this.count = count;
        this.sumOuterProducts = sumOuterProducts;
        this.sumRewardContext = sumRewardContext;
        this.sumSquaredRewards = sumSquaredRewards;
    }

    public static SufficientStatistics empty(int dimension) {
        return new SufficientStatistics(
                dimension, 0, new double[Matrices.packedSize(dimension)], new double[dimension], 0.0);
    }

    public static SufficientStatistics of(OriginStatistics statistics) {
        return new SufficientStatistics(
                statistics.dimension(),
                statistics.count(),
                unboxed(statistics.sumOuterProducts()),
                unboxed(statistics.sumRewardContext()),
                statistics.sumSquaredRewards());
    }

    /** These statistics plus one observation {@code (x, r)}. */
    public SufficientStatistics plus(double[] x, double reward) {
        int d = dimension;
        double[] outer = sumOuterProducts.clone();
        for (int i = 0, at = 0; i < d; i++) {
            double xi = x[i];
            for (int j = i; j < d; j++) {
                outer[at++] += xi * x[j];
            }
        }
        double[] rewardContext = sumRewardContext.clone();
        for (int i = 0; i < d; i++) {
            rewardContext[i] += reward * x[i];
        }
        return new SufficientStatistics(d, count + 1, outer, rewardContext, sumSquaredRewards + reward * reward);
    }

    /** The element-wise sum of both. */
    public SufficientStatistics plus(SufficientStatistics other) {
        double[] outer = sumOuterProducts.clone();
        for (int i = 0; i < outer.length; i++) {
            outer[i] += other.sumOuterProducts[i];
        }
        double[] rewardContext = sumRewardContext.clone();
        for (int i = 0; i < rewardContext.length; i++) {
            rewardContext[i] += other.sumRewardContext[i];
        }
        return new SufficientStatistics(
                dimension, count + other.count, outer, rewardContext, sumSquaredRewards + other.sumSquaredRewards);
    }

    /** Equal counts and every number equal within {@link #SAME_TOLERANCE} (relative). */
    public boolean matches(SufficientStatistics other) {
        return count == other.count
                && dimension == other.dimension
                && close(sumSquaredRewards, other.sumSquaredRewards)
                && close(sumOuterProducts, other.sumOuterProducts)
                && close(sumRewardContext, other.sumRewardContext);
    }

    public OriginStatistics toApi(String origin, String action) {
        return new OriginStatistics(
                origin, action, count, boxed(sumOuterProducts), boxed(sumRewardContext), sumSquaredRewards);
    }

    public int dimension() {
        return dimension;
    }

    public long count() {
        return count;
    }

    public double sumSquaredRewards() {
        return sumSquaredRewards;
    }

    /** A copy of the packed upper triangle of {@code Σ x xᵀ}. */
    public double[] sumOuterProducts() {
        return sumOuterProducts.clone();
    }

    /** A copy of {@code Σ r x}. */
    public double[] sumRewardContext() {
        return sumRewardContext.clone();
    }

    double[] outerView() {
        return sumOuterProducts;
    }

    double[] rewardContextView() {
        return sumRewardContext;
    }

    private static boolean close(double[] a, double[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (!close(a[i], b[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= SAME_TOLERANCE * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
    }

    static double[] unboxed(List<Double> values) {
        var out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    static List<Double> boxed(double[] values) {
        var out = new ArrayList<Double>(values.length);
        for (double value : values) {
            out.add(value);
        }
        return List.copyOf(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SufficientStatistics other
                && dimension == other.dimension
                && count == other.count
                && Double.compare(sumSquaredRewards, other.sumSquaredRewards) == 0
                && Arrays.equals(sumOuterProducts, other.sumOuterProducts)
                && Arrays.equals(sumRewardContext, other.sumRewardContext);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(count) + Arrays.hashCode(sumRewardContext))
                + Double.hashCode(sumSquaredRewards);
    }

    @Override
    public String toString() {
        return "SufficientStatistics[n=" + count + ", d=" + dimension + ", Σr²=" + sumSquaredRewards + "]";
    }
}
