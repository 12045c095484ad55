package io.qswarm.intelligence.api;

import io.qswarm.intelligence.valuefunction.ValueFunctionSpec;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A table came into being, with everything needed to interpret its later events.
 *
 * @param valueFunction the kind of value function; {@code TABULAR} for a flat table
 * @param valueFunctionSpec the declared value function (kind, feature schema, settings and seed), or null for a flat
 *     table without a schema (every table created before value functions existed). Added later (ADR 0007, ADR 0009):
 *     a flat table's event encodes and hashes exactly as before.
 */
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
        double epsilon,
        @AddedLater ValueFunctionSpec valueFunctionSpec) {

    /** A flat table's creation, as it was recorded before value functions existed. */
    public QTableCreated(
            QTableId tableId,
            AgentId agentId,
            List<ActionSpec> actions,
            LearningRule rule,
            double alpha,
            double gamma,
            ExplorationSchedule exploration,
            ValueFunctionKind valueFunction,
            double epsilon) {
        this(tableId, agentId, actions, rule, alpha, gamma, exploration, valueFunction, epsilon, null);
    }
}
