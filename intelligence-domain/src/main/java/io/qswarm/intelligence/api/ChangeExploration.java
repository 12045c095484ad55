package io.qswarm.intelligence.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the table's exploration schedule; the new schedule starts counting episodes from zero. */
public record ChangeExploration(@TargetAggregateIdentifier QTableId tableId, ExplorationSchedule exploration) {

    public ChangeExploration {
        Checks.required("tableId", tableId);
        Checks.required("exploration", exploration);
    }
}
