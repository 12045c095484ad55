package io.qswarm.federation.api;

import io.qswarm.intelligence.api.Checks;
import io.qswarm.intelligence.api.QTableId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks a participant of the open round for its knowledge (sent by the round saga; repeatable). */
public record RequestKnowledge(@TargetAggregateIdentifier SwarmId swarmId, RoundId roundId, QTableId participant) {

    public RequestKnowledge {
        Checks.required("swarmId", swarmId);
        Checks.required("roundId", roundId);
        Checks.required("participant", participant);
    }
}
