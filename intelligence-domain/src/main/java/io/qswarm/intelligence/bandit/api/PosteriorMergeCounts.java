package io.qswarm.intelligence.bandit.api;

/** The answer to {@link MergeBanditPosterior}: how many statistics were adopted, unchanged and rejected. */
public record PosteriorMergeCounts(int adopted, int unchanged, int rejected, long modelVersion, boolean guardTripped) {}
