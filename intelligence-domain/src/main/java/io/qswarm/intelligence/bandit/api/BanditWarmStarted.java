package io.qswarm.intelligence.bandit.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Logged interactions were learned, in order, under {@code origin}.
 *
 * @param modelVersion the model version after the import
 */
@Revision("1")
public record BanditWarmStarted(
        BanditPolicyId policyId,
        String importId,
        String origin,
        List<LoggedInteraction> interactions,
        long modelVersion) {}
