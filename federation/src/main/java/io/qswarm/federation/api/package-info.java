/**
 * The federation's messages: commands, events and value records of swarms and rounds. Records only; they know neither
 * the {@code Swarm} aggregate nor the saga.
 */
package io.qswarm.federation.api;
