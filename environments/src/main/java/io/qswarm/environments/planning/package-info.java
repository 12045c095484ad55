/**
 * Dynamic programming over a {@link io.qswarm.environments.TabularModel}: value iteration for the optimal values and
 * greedy policy, policy evaluation for a deterministic policy, and finite-horizon evaluation that accounts for an
 * environment's time limit. A transition flagged terminal contributes its reward and nothing after it.
 */
package io.qswarm.environments.planning;
