package io.qswarm.intelligence.bandit.api;

import org.axonframework.serialization.Revision;

/**
 * The posterior covariance trace left its bound (or stopped being finite): until {@link DriftGuardCleared},
 * decisions must come from {@code fallback}.
 *
 * @param covarianceTrace the trace that tripped the guard ({@code NaN} when the posterior broke down numerically)
 * @param modelVersion the model version whose posterior tripped it
 */
@Revision("1")
public record DriftGuardTripped(
        BanditPolicyId policyId,
        double covarianceTrace,
        double maxCovarianceTrace,
        long modelVersion,
        DefaultPolicy fallback) {}
