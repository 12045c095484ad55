package io.qswarm.intelligence.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A table came into being, with everything needed to interpret its later events. */
@Revision("1")
public record QTableCreated(
        QTableId tableId,
        AgentId agentId,
        List<ActionSpec> actions,
        LearningRule rule,
        double alpha,
        double gamma,
        ExplorationSchedule exploration,
        ValueFunctionKind valueFunction,
        double epsilon) {}
