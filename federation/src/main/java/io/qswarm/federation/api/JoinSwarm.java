package io.qswarm.federation.api;

import io.qswarm.intelligence.api.Checks;
import io.qswarm.intelligence.api.QTableId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a table to the swarm. It takes part from the next round on. */
public record JoinSwarm(@TargetAggregateIdentifier SwarmId swarmId, QTableId member) {

    public JoinSwarm {
        Checks.required("swarmId", swarmId);
        Checks.required("member", member);
    }
}
