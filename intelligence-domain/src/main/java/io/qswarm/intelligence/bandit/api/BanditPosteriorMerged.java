package io.qswarm.intelligence.bandit.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A peer's statistics were merged: {@code adopted} replaced the policy's statistics of the same origin and action
 * (their counts were larger), {@code unchanged} brought nothing new, {@code rejected} were refused with a reason.
 *
 * @param modelVersion the model version after the merge (advanced only when something was adopted)
 */
@Revision("1")
public record BanditPosteriorMerged(
        BanditPolicyId policyId,
        String peer,
        String round,
        List<OriginStatistics> adopted,
        int unchanged,
        List<RejectedStatistics> rejected,
        long modelVersion) {}
