package io.qswarm.intelligence.bandit;

import java.util.random.RandomGenerator;

/**
 * Linear Thompson sampling with per-action posteriors: draw {@code θ_k ~ N(θ̂_k, v²A_k⁻¹)} for every action and
 * choose the action maximising {@code θ_kᵀx} (ties to the lowest index). The randomness comes only from the
 * caller's seeded generator.
 *
 * <p>{@link #choose} draws, for each action, the score {@code θ_kᵀx} itself: for a fixed context it is exactly
 * {@code N(θ̂_kᵀx, v²·xᵀA_k⁻¹x)}, the image of the posterior draw, so the decision has the same distribution as
 * drawing the whole vector, at {@code O(K·d²)} and one normal per action. {@link #chooseBySampledParameters} draws the
 * vectors themselves ({@code θ_k = θ̂_k + v·L_k z}, {@code L_k L_kᵀ = A_k⁻¹}, {@code z ~ N(0, I)}), at
 * {@code O(K·d³)}; {@link #sampleParameters} exposes one such draw. {@link #propensities} gives the exact probability
 * of each action by one-dimensional quadrature, for the decision log and off-policy evaluation.
 */
public final class LinearThompsonSampling {

    /** Quadrature range in standard deviations. */
    private static final double RANGE = 8.5;

    /**
     * Simpson intervals per unit of spread ratio: a competitor whose spread is {@code r} times smaller makes a step of
     * width {@code ~1/r} in the integrand, so the grid refines with the largest ratio among the competing actions.
     */
    private static final int INTERVALS_PER_RATIO = 128;

    private static final int MAX_INTERVALS = 512;

    private final double scale;

    /** @param scale {@code v ≥ 0}, the posterior scale; {@code v = σ} is the Bayesian posterior for noise {@code σ}. */
    public LinearThompsonSampling(double scale) {
        if (!(scale >= 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be finite and not negative, was " + scale);
        }
        this.scale = scale;
    }

    public double scale() {
        return scale;
    }

    /** Samples {@code θ_kᵀx} for every action and returns the best action. */
    public int choose(BanditPosterior posterior, double[] x, RandomGenerator random) {
        posterior.checkContext(x);
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < posterior.actionCount(); k++) {
            LinearPosterior action = posterior.view(k);
            double sd = scale * Math.sqrt(Math.max(0.0, action.variance(x)));
            double score = action.meanReward(x) + sd * random.nextGaussian();
            if (score > bestScore) {
                bestScore = score;
                best = k;
            }
        }
        return best;
    }

    /** {@link #choose} with the chosen action's exact propensity. */
    public Decision decide(BanditPosterior posterior, double[] x, RandomGenerator random) {
        int action = choose(posterior, x, random);
        return new Decision(action, propensities(posterior, x)[action]);
    }

    /** Draws every action's parameter vector {@code θ_k ~ N(θ̂_k, v²A_k⁻¹)} and returns the best action. */
    public int chooseBySampledParameters(BanditPosterior posterior, double[] x, RandomGenerator random) {
        posterior.checkContext(x);
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < posterior.actionCount(); k++) {
            double score = Matrices.dot(sampleParameters(posterior, k, random), x, x.length);
            if (score > bestScore) {
                bestScore = score;
                best = k;
            }
        }
        return best;
    }

    /** One draw {@code θ ~ N(θ̂_k, v²A_k⁻¹)}: {@code θ̂_k + v·L z} with {@code L Lᵀ = A_k⁻¹} (Cholesky). */
    public double[] sampleParameters(BanditPosterior posterior, int k, RandomGenerator random) {
        LinearPosterior action = posterior.view(k);
        int d = action.dimension();
        double[] l = Matrices.cholesky(action.inverseView(), d);
        if (l == null) {
            throw new IllegalStateException("A⁻¹ of action "
                    + posterior.actions().get(k) + " is not positive definite: the posterior broke down numerically");
        }
        var z = new double[d];
        for (int i = 0; i < d; i++) {
            z[i] = random.nextGaussian();
        }
        double[] theta = action.mean();
        for (int i = 0; i < d; i++) {
            double sum = 0;
            for (int j = 0; j <= i; j++) {
                sum += l[i * d + j] * z[j];
            }
            theta[i] += scale * sum;
        }
        return theta;
    }

    /**
     * The probability that each action has the largest sampled score in context {@code x}: with
     * {@code μ_k = θ̂_kᵀx} and {@code s_k = v·sqrt(xᵀA_k⁻¹x)},
     * {@code P(k) = ∫ φ(t) Π_{j≠k} Φ((μ_k + s_k t − μ_j)/s_j) dt}, by Simpson's rule (128 intervals per unit of the
     * largest spread ratio among the competing actions, at most 512) over the part of {@code [−8.5, 8.5]} where
     * action {@code k} can still win; actions that cannot come within 8.5 standard
     * deviations of the others get 0. Normalised to sum to 1. When every {@code s_k} is 0 the rule is deterministic.
     */
    public double[] propensities(BanditPosterior posterior, double[] x) {
        posterior.checkContext(x);
        int actions = posterior.actionCount();
        var mean = new double[actions];
        var sd = new double[actions];
        double floor = Double.NEGATIVE_INFINITY;
        boolean deterministic = true;
        for (int k = 0; k < actions; k++) {
            LinearPosterior action = posterior.view(k);
            mean[k] = action.meanReward(x);
            sd[k] = scale * Math.sqrt(Math.max(0.0, action.variance(x)));
            deterministic &= sd[k] == 0;
            floor = Math.max(floor, mean[k] - RANGE * sd[k]);
        }
        var probabilities = new double[actions];
        if (deterministic) {
            int best = 0;
            for (int k = 1; k < actions; k++) {
                if (mean[k] > mean[best]) {
                    best = k;
                }
            }
            probabilities[best] = 1.0;
            return probabilities;
        }
        double widest = 0;
        double narrowest = Double.POSITIVE_INFINITY;
        for (int k = 0; k < actions; k++) {
            if (sd[k] > 0 && mean[k] + RANGE * sd[k] >= floor) {
                widest = Math.max(widest, sd[k]);
                narrowest = Math.min(narrowest, sd[k]);
            }
        }
        // an even number for Simpson's rule
        int intervals = (int) Math.min(MAX_INTERVALS, 2 * Math.ceil(INTERVALS_PER_RATIO / 2.0 * widest / narrowest));
        double total = 0;
        for (int k = 0; k < actions; k++) {
            if (sd[k] > 0 && mean[k] + RANGE * sd[k] >= floor) {
                probabilities[k] = winProbability(k, mean, sd, floor, intervals);
                total += probabilities[k];
            }
        }
        for (int k = 0; k < actions; k++) {
            probabilities[k] /= total;
        }
        return probabilities;
    }

    private static double winProbability(int k, double[] mean, double[] sd, double floor, int intervals) {
        double from = Math.max(-RANGE, (floor - mean[k]) / sd[k]);
        double to = RANGE;
        if (from >= to) {
            return 0.0;
        }
        double h = (to - from) / intervals;
        double sum = 0;
        for (int i = 0; i <= intervals; i++) {
            double t = from + i * h;
            double weight = (i == 0 || i == intervals) ? 1 : (i % 2 == 1 ? 4 : 2);
            double score = mean[k] + sd[k] * t;
            double product = Gaussian.density(t);
            for (int j = 0; j < mean.length && product > 0; j++) {
                if (j == k) {
                    continue;
                }
                if (sd[j] == 0) {
                    product *= score > mean[j] ? 1.0 : 0.0;
                } else if (score - mean[j] < RANGE * sd[j]) {
                    product *= Gaussian.cdf((score - mean[j]) / sd[j]);
                }
            }
            sum += weight * product;
        }
        return sum * h / 3;
    }
}
