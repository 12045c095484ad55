package io.qswarm.intelligence.bandit;

/**
 * LinUCB with per-action posteriors: in context {@code x} choose the action maximising
 * {@code θ̂_kᵀx + α·sqrt(xᵀA_k⁻¹x)}, ties to the lowest index. Deterministic, so every decision has propensity 1.
 * Costs {@code O(K·d²)} per decision.
 */
public final class LinUcb {

    private final double alpha;

    public LinUcb(double alpha) {
        if (!(alpha >= 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and not negative, was " + alpha);
        }
        this.alpha = alpha;
    }

    public double alpha() {
        return alpha;
    }

    public double score(BanditPosterior posterior, int k, double[] x) {
        LinearPosterior action = posterior.view(k);
        return action.meanReward(x) + alpha * Math.sqrt(Math.max(0.0, action.variance(x)));
    }

    public int choose(BanditPosterior posterior, double[] x) {
        posterior.checkContext(x);
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < posterior.actionCount(); k++) {
            double score = score(posterior, k, x);
            if (score > bestScore) {
                bestScore = score;
                best = k;
            }
        }
        return best;
    }

    public Decision decide(BanditPosterior posterior, double[] x) {
        return new Decision(choose(posterior, x), 1.0);
    }
}
