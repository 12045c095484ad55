package io.qswarm.intelligence.bandit.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A bandit policy came into being, with everything needed to interpret its later events; model version 0. */
@Revision("1")
public record BanditPolicyCreated(
        BanditPolicyId policyId,
        List<String> actions,
        int dimension,
        double ridge,
        BanditAlgorithm algorithm,
        double explorationScale,
        DefaultPolicy defaultPolicy,
        DriftGuard driftGuard) {}
