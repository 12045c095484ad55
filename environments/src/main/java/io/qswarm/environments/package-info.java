/**
 * Environments QSwarm agents learn in, and the dynamic-programming tools that tell what "optimal" means in them.
 *
 * <p>Every environment implements {@link io.qswarm.environments.Environment}: integer states, a named action list
 * with base costs, and {@code reset}/{@code step} that draw every random number from the
 * {@link java.util.random.RandomGenerator} the caller passes in, so a seed reproduces a trajectory. Environments whose
 * dynamics are known also implement {@link io.qswarm.environments.TabularModel} (Gymnasium's {@code P[s][a]}).
 *
 * <p>Pure Java: no Spring, no Axon, no other QSwarm module (enforced by an ArchUnit test). The semantics are
 * documented in {@code docs/environments.md}.
 */
package io.qswarm.environments;
