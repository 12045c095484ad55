package io.qswarm.intelligence.bandit;

import java.util.Arrays;

/**
 * The posterior of one action's linear reward model {@code r = θᵀx + ε}: with ridge (prior precision) {@code λ},
 *
 * <pre>
 *   A = λI + Σ x xᵀ      b = Σ r x      θ̂ = A⁻¹ b
 * </pre>
 *
 * <p>Only {@code A⁻¹} is kept. Each observation updates it by Sherman–Morrison in {@code O(d²)}:
 * {@code A⁻¹ ← A⁻¹ − (A⁻¹x)(A⁻¹x)ᵀ / (1 + xᵀA⁻¹x)}, computed on the upper triangle and mirrored so it stays exactly
 * symmetric. {@link #reset} rebuilds it by a direct (Cholesky) inverse after a merge. Mutable, not thread-safe; value
 * {@code equals} over the posterior (not the scratch space), so an aggregate holding it compares by value.
 */
public final class LinearPosterior {

    private final int dimension;
    private final double ridge;
    private final double[] inverse;
    private final double[] rewardContext;
    private final double[] mean;
    private long count;
    private double sumSquaredRewards;
    private transient double[] scratch;

    /** For snapshot deserialization through fields. */
    private LinearPosterior() {
        this.dimension = 0;
        this.ridge = 0;
        this.inverse = null;
        this.rewardContext = null;
        this.mean = null;
    }

    public LinearPosterior(int dimension, double ridge) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be positive, was " + dimension);
        }
        if (!(ridge > 0) || !Double.isFinite(ridge)) {
            throw new IllegalArgumentException("ridge must be positive and finite, was " + ridge);
        }
        this.dimension = dimension;
        this.ridge = ridge;
        this.inverse = new double[dimension * dimension];
        this.rewardContext = new double[dimension];
        this.mean = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            inverse[i * dimension + i] = 1.0 / ridge;
        }
    }

    private LinearPosterior(LinearPosterior other) {
        this.dimension = other.dimension;
        this.ridge = other.ridge;
        this.inverse = other.inverse.clone();
        this.rewardContext = other.rewardContext.clone();
        this.mean = other.mean.clone();
        this.count = other.count;
        this.sumSquaredRewards = other.sumSquaredRewards;
    }

    public LinearPosterior copy() {
        return new LinearPosterior(this);
    }

    /** Learns one observation: Sherman–Morrison on {@code A⁻¹}, {@code b += r x}, {@code θ̂ = A⁻¹b}. */
    public void observe(double[] x, double reward) {
        int d = dimension;
        if (scratch == null) {
            scratch = new double[d];
        }
        double[] u = scratch;
        for (int i = 0; i < d; i++) {
            int row = i * d;
            double sum = 0;
            for (int j = 0; j < d; j++) {
                sum += inverse[row + j] * x[j];
            }
            u[i] = sum;
        }
        double denominator = 1.0 + Matrices.dot(x, u, d);
        for (int i = 0; i < d; i++) {
            int row = i * d;
            double ui = u[i] / denominator;
            for (int j = i; j < d; j++) {
                double value = inverse[row + j] - ui * u[j];
                inverse[row + j] = value;
                inverse[j * d + i] = value;
            }
        }
        for (int i = 0; i < d; i++) {
            rewardContext[i] += reward * x[i];
        }
        count++;
        sumSquaredRewards += reward * reward;
        updateMean();
    }

    /** Replaces the posterior by the prior plus {@code total}, inverting {@code A = λI + G} directly. */
    public void reset(SufficientStatistics total) {
        if (total.dimension() != dimension) {
            throw new IllegalArgumentException(
                    "statistics of dimension " + total.dimension() + " for a posterior of dimension " + dimension);
        }
        double[] a = Matrices.ridgePlusPacked(ridge, total.outerView(), dimension);
        System.arraycopy(Matrices.inverseOfPositiveDefinite(a, dimension), 0, inverse, 0, inverse.length);
        System.arraycopy(total.rewardContextView(), 0, rewardContext, 0, dimension);
        count = total.count();
        sumSquaredRewards = total.sumSquaredRewards();
        updateMean();
    }

    private void updateMean() {
        int d = dimension;
        for (int i = 0; i < d; i++) {
            int row = i * d;
            double sum = 0;
            for (int j = 0; j < d; j++) {
                sum += inverse[row + j] * rewardContext[j];
            }
            mean[i] = sum;
        }
    }

    /** {@code θ̂ᵀx}, the posterior mean reward in context {@code x}. */
    public double meanReward(double[] x) {
        return Matrices.dot(mean, x, dimension);
    }

    /** {@code xᵀA⁻¹x}: the posterior variance of {@code θᵀx} per unit of noise variance. */
    public double variance(double[] x) {
        return Matrices.quadraticForm(inverse, x, dimension);
    }

    /** {@code tr(A⁻¹)}. */
    public double traceOfInverse() {
        double trace = 0;
        for (int i = 0; i < dimension; i++) {
            trace += inverse[i * dimension + i];
        }
        return trace;
    }

    /**
     * The ridge residual sum of squares {@code Σ (r − θ̂ᵀx)² = Σr² − θ̂ᵀb − λ|θ̂|²}, clamped at 0 against rounding.
     */
    public double residualSumOfSquares() {
        double rss = sumSquaredRewards
                - Matrices.dot(mean, rewardContext, dimension)
                - ridge * Matrices.dot(mean, mean, dimension);
        return Math.max(0.0, rss);
    }

    public int dimension() {
        return dimension;
    }

    public double ridge() {
        return ridge;
    }

    public long count() {
        return count;
    }

    /** A copy of {@code θ̂}. */
    public double[] mean() {
        return mean.clone();
    }

    /** A copy of {@code A⁻¹}, row-major. */
    public double[] inverse() {
        return inverse.clone();
    }

    /** A copy of {@code b = Σ r x}. */
    public double[] rewardContext() {
        return rewardContext.clone();
    }

    /** Read-only access for the decision rules of this package, without copying. */
    double[] meanView() {
        return mean;
    }

    double[] inverseView() {
        return inverse;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearPosterior other
                && dimension == other.dimension
                && Double.compare(ridge, other.ridge) == 0
                && count == other.count
                && Double.compare(sumSquaredRewards, other.sumSquaredRewards) == 0
                && Arrays.equals(inverse, other.inverse)
                && Arrays.equals(rewardContext, other.rewardContext)
                && Arrays.equals(mean, other.mean);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(count) + Arrays.hashCode(mean);
    }

    @Override
    public String toString() {
        return "LinearPosterior[d=" + dimension + ", λ=" + ridge + ", n=" + count + ", θ̂=" + Arrays.toString(mean)
                + "]";
    }
}
