/**
 * Gymnasium's toy-text environments with exactly Gymnasium's semantics: Taxi-v3, FrozenLake-v1 (4x4 and 8x8, slippery
 * or not) and CliffWalking-v1. Transition lists, state encodings, action numbering, rewards, initial-state
 * distributions and the time limits of their registrations are reproduced; only the random-number generator differs
 * (Java's instead of NumPy's), so the same seed does not give Gymnasium's trajectory, but every trajectory has
 * Gymnasium's probability.
 */
package io.qswarm.environments.toytext;
