package io.qswarm.intelligence.bandit.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A decision was made (by the caller's runtime) and is awaiting its reward. */
@Revision("1")
public record BanditDecisionRecorded(
        BanditPolicyId policyId,
        String decisionId,
        List<Double> context,
        String action,
        double propensity,
        long modelVersion,
        DecisionSource decidedBy) {}
