/**
 * The contextual-bandit math: per-action linear posteriors kept by Sherman–Morrison updates, LinUCB and linear
 * Thompson sampling decisions (randomness only from a caller-supplied seeded generator), exact LinTS propensities,
 * per-origin sufficient statistics and their merge, the drift guard's covariance trace, off-policy evaluation (IPS,
 * self-normalised IPS, doubly robust) and the reader of logged interactions. Pure Java, no clock, no hidden
 * randomness: shared by the {@code BanditPolicy} aggregate, the runtime that decides, and the benchmarks.
 *
 * <p>The formulas are written out in {@code docs/bandits.md}.
 */
package io.qswarm.intelligence.bandit;
