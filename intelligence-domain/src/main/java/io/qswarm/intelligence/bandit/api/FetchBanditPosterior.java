package io.qswarm.intelligence.bandit.api;

/**
 * Asks for a policy's posterior as per-origin statistics, answered with a {@link BanditPosteriorExport}: what a
 * runtime loads to decide, and what a peer sends in {@link MergeBanditPosterior}.
 */
public record FetchBanditPosterior(BanditPolicyId policyId) {}
