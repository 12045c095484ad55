/**
 * Query routing for assistant agents: which way to answer a query of a given type, complexity and available context.
 * A small stochastic model with known dynamics (it is a {@link io.qswarm.environments.TabularModel}), so the optimal
 * routing is computable and differs by state. See {@link io.qswarm.environments.routing.RoutingEnvironment} and
 * {@code docs/environments.md}.
 */
package io.qswarm.environments.routing;
