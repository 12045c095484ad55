package io.qswarm.intelligence.bandit.api;

/**
 * How the caller's runtime turns the per-action posteriors into a decision. Both read the same posterior
 * ({@code A_k = λI + Σ x xᵀ}, {@code b_k = Σ r x}, {@code θ̂_k = A_k⁻¹ b_k}); only the exploration differs.
 */
public enum BanditAlgorithm {
    /** Optimism: the action maximising {@code θ̂_kᵀx + α·sqrt(xᵀA_k⁻¹x)}; deterministic, propensity 1. */
    LIN_UCB,
    /** Thompson sampling: {@code θ_k ~ N(θ̂_k, v²A_k⁻¹)} per action, the action maximising {@code θ_kᵀx}. */
    LIN_TS
}
