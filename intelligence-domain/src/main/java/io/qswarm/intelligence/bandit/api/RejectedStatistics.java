package io.qswarm.intelligence.bandit.api;

/** A peer statistic the policy did not merge, and why. */
public record RejectedStatistics(String origin, String action, long count, String reason) {}
