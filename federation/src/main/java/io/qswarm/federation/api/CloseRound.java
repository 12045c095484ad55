package io.qswarm.federation.api;

import io.qswarm.intelligence.api.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Closes the open round with the contributions received so far: completed when the quorum was reached, failed
 * otherwise. Sent by the round saga when the round's deadline passes.
 */
public record CloseRound(@TargetAggregateIdentifier SwarmId swarmId, RoundId roundId) {

    public CloseRound {
        Checks.required("swarmId", swarmId);
        Checks.required("roundId", roundId);
    }
}
