package io.qswarm.intelligence.api;

/** A peer entry a merge refused, and why. */
public record RejectedEntry(StateKey state, String action, String reason) {}
