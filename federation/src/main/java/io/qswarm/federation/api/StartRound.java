package io.qswarm.federation.api;

import io.qswarm.intelligence.api.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens the swarm's next round with every current member as a participant. Answered with the new {@link RoundId}.
 *
 * @param gossipSeed the seed a gossip topology draws each participant's sources from (any value otherwise); the
 *     caller takes it from its seeded generator, and the round records it and the sources drawn
 * @param fullSync ask every participant for all of its knowledge instead of what changed since its last round
 */
public record StartRound(@TargetAggregateIdentifier SwarmId swarmId, long gossipSeed, boolean fullSync) {

    public StartRound {
        Checks.required("swarmId", swarmId);
    }
}
