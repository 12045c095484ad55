/**
 * Contextual-bandit proof and benchmarks (docs/bandits.md): a synthetic linear bandit, regret runs of LinUCB and
 * linear Thompson sampling, warm starts from logged data, off-policy evaluation against the true policy value
 * ({@link io.qswarm.benchmarks.bandit.BanditProof}), and the JMH decision-throughput benchmark
 * ({@link io.qswarm.benchmarks.bandit.BanditDecisionBenchmark}, run by
 * {@link io.qswarm.benchmarks.bandit.BanditBenchmarks}). The decisions are the caller runtime's job, so these
 * measure the bandit math the runtime uses, not the aggregate.
 */
package io.qswarm.benchmarks.bandit;
