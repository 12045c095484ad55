package io.qswarm.intelligence.bandit.api;

/** The answer to {@link WarmStartBandit}: whether it was a repeat, how many tuples were learned, the model version. */
public record WarmStartResult(boolean duplicate, int learned, long modelVersion, boolean guardTripped) {}
