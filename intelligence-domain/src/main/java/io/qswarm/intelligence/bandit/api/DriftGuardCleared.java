package io.qswarm.intelligence.bandit.api;

import org.axonframework.serialization.Revision;

/** The posterior covariance trace is back within {@link DriftGuard#CLEAR_FRACTION} of its bound: the model decides. */
@Revision("1")
public record DriftGuardCleared(
        BanditPolicyId policyId, double covarianceTrace, double maxCovarianceTrace, long modelVersion) {}
