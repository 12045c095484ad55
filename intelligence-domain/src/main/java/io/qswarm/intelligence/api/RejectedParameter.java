package io.qswarm.intelligence.api;

/** A peer parameter a merge refused, and why. */
public record RejectedParameter(int index, String reason) {}
