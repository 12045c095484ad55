package io.qswarm.federation.api;

import io.qswarm.intelligence.api.Checks;
import io.qswarm.intelligence.api.QTableId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes a table from the swarm. Its contributions are refused from now on, also in an open round. */
public record LeaveSwarm(@TargetAggregateIdentifier SwarmId swarmId, QTableId member) {

    public LeaveSwarm {
        Checks.required("swarmId", swarmId);
        Checks.required("member", member);
    }
}
