package io.qswarm.intelligence.valuefunction;

/**
 * What one TD update did to the value of the updated state-action pair: its value before and after. Other pairs that
 * share parameters with it (every kind but the tabular ones) may have moved too.
 */
public record ValueChange(double oldValue, double newValue) {}
