package io.qswarm.intelligence.api;

/**
 * What recording a batch did: how many updates it applied, or that its idempotency key was seen before and it was
 * ignored, and the exploration state after it.
 */
public record RecordedBatch(boolean duplicate, int updates, long episodes, double epsilon) {}
