package io.qswarm.intelligence.bandit.api;

import io.qswarm.intelligence.api.Checks;

/**
 * Bound on the trace of the posterior covariance. The guarded covariance is the textbook one for a linear model
 * with unknown noise, {@code Σ_k = σ̂_k²·A_k⁻¹} with {@code σ̂_k² = (σ₀² + RSS_k) / (1 + n_k)} (the prior noise
 * variance counted as one pseudo-observation plus the ridge residual sum of squares), summed over actions:
 * {@code trace = Σ_k σ̂_k²·tr(A_k⁻¹)}. It is large while the model knows little, and grows again when rewards stop
 * fitting the model (drift, broken features, corrupted statistics). When it exceeds {@code maxCovarianceTrace} (or
 * stops being a finite number) the guard trips and decisions must come from the default policy; it clears once the
 * trace falls to {@link #CLEAR_FRACTION} of the bound.
 *
 * @param maxCovarianceTrace the bound, {@code > 0}
 * @param priorNoiseVariance {@code σ₀²}, the reward noise variance assumed before any observation, {@code > 0}
 */
public record DriftGuard(double maxCovarianceTrace, double priorNoiseVariance) {

    /** The guard clears when the trace is at most this fraction of the bound, so it does not flap at the bound. */
    public static final double CLEAR_FRACTION = 0.9;

    public DriftGuard {
        Checks.finite("driftGuard.maxCovarianceTrace", maxCovarianceTrace);
        Checks.finite("driftGuard.priorNoiseVariance", priorNoiseVariance);
        if (maxCovarianceTrace <= 0) {
            throw new IllegalArgumentException(
                    "driftGuard.maxCovarianceTrace must be positive, was " + maxCovarianceTrace);
        }
        if (priorNoiseVariance <= 0) {
            throw new IllegalArgumentException(
                    "driftGuard.priorNoiseVariance must be positive, was " + priorNoiseVariance);
        }
    }
}
