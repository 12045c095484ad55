package io.qswarm.intelligence.bandit;

import io.qswarm.intelligence.bandit.api.DriftGuard;

/**
 * The quantity the drift guard bounds: the trace of the posterior covariance of all actions' parameters, for a
 * linear model with unknown noise,
 *
 * <pre>
 *   trace = Σ_k σ̂_k² · tr(A_k⁻¹)        σ̂_k² = (σ₀² + RSS_k) / (1 + n_k)
 * </pre>
 *
 * with {@code RSS_k} the ridge residual sum of squares of action {@code k} ({@link LinearPosterior#residualSumOfSquares})
 * and {@code σ₀²} the guard's prior noise variance, counted as one pseudo-observation. Before any observation it is
 * {@code K·d·σ₀²/λ}; it shrinks as the posteriors concentrate and grows when the rewards stop fitting a linear model.
 */
public final class CovarianceTrace {

    private CovarianceTrace() {}

    public static double of(BanditPosterior posterior, double priorNoiseVariance) {
        double trace = 0;
        for (int k = 0; k < posterior.actionCount(); k++) {
            LinearPosterior action = posterior.view(k);
            double noise = (priorNoiseVariance + action.residualSumOfSquares()) / (1.0 + action.count());
            trace += noise * action.traceOfInverse();
        }
        return trace;
    }

    /** Whether {@code trace} trips {@code guard}: above the bound, or not a finite number. */
    public static boolean trips(double trace, DriftGuard guard) {
        return !Double.isFinite(trace) || trace > guard.maxCovarianceTrace();
    }

    /** Whether a tripped {@code guard} clears at {@code trace}: at most {@link DriftGuard#CLEAR_FRACTION} of the bound. */
    public static boolean clears(double trace, DriftGuard guard) {
        return Double.isFinite(trace) && trace <= DriftGuard.CLEAR_FRACTION * guard.maxCovarianceTrace();
    }
}
