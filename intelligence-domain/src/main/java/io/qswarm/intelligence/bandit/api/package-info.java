/**
 * The messages of the contextual-bandit policy: commands, events, queries and the value records they carry. A
 * bandit policy learns, per action {@code k}, a linear reward model {@code r ≈ θ_kᵀx} from recorded decisions and
 * observed rewards; the decisions themselves are made by the caller's seeded runtime and arrive here as facts.
 *
 * <p>This package depends on nothing but {@code io.qswarm.intelligence.api.Checks} and Axon annotations, so other
 * modules may depend on it without the math or the aggregate.
 */
package io.qswarm.intelligence.bandit.api;
