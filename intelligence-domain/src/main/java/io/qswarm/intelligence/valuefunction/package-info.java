/**
 * Value functions beyond the flat table: a {@link io.qswarm.intelligence.valuefunction.FeatureSchema} reads a state
 * key into features, and a {@link io.qswarm.intelligence.valuefunction.ValueFunction} of one of the kinds of
 * {@link io.qswarm.intelligence.valuefunction.ValueFunctionSpec} (tabular, additive, hierarchical, low-rank, CP, tile
 * coding, communication table) stores {@code Q(s, a)} in fewer numbers. Pure and deterministic: no clock, no
 * randomness but the seed a spec carries, parameters exportable as a canonical list of doubles. Formulas, parameter
 * counts, merge semantics and measurements: {@code docs/value-functions.md}.
 */
package io.qswarm.intelligence.valuefunction;
