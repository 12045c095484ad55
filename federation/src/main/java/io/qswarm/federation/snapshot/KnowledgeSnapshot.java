package io.qswarm.federation.snapshot;

import io.qswarm.intelligence.api.Checks;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.QTableEntry;
import io.qswarm.intelligence.api.QTableExport;
import io.qswarm.intelligence.api.ValueFunctionKind;

/**
 * What is published: a table's export with what the export does not carry but the version rules need, its
 * exploration schedule and the kind of its value function, and where in its event stream it was read.
 *
 * @param exploration the table's exploration schedule, or null when unknown (then it takes no part in the rules)
 * @param valueFunction how the table represents its values ({@code TABULAR} when null)
 * @param sourceEventPosition the position of the last event the export reflects (e.g. the table's sequence number)
 */
public record KnowledgeSnapshot(
        QTableExport table,
        ExplorationSchedule exploration,
        ValueFunctionKind valueFunction,
        long sourceEventPosition) {

    public KnowledgeSnapshot {
        Checks.required("table", table);
        Checks.required("table id", table.tableId());
        Checks.required("agent id", table.agentId());
        Checks.required("actions", table.actions());
        Checks.required("rule", table.rule());
        Checks.required("entries", table.entries());
        Checks.finite("alpha", table.alpha());
        Checks.finite("gamma", table.gamma());
        Checks.finite("epsilon", table.epsilon());
        for (QTableEntry entry : table.entries()) {
            Checks.required("entry", entry);
            Checks.finite("q of " + entry.state() + "/" + entry.action(), entry.q());
            if (entry.visits() < 0) {
                throw new IllegalArgumentException(
                        "visits of " + entry.state() + "/" + entry.action() + " are negative");
            }
        }
        valueFunction = valueFunction == null ? ValueFunctionKind.TABULAR : valueFunction;
        if (sourceEventPosition < 0) {
            throw new IllegalArgumentException("sourceEventPosition must not be negative, was " + sourceEventPosition);
        }
    }

    /** The experiences the table's values stand on: the sum of its entries' visits. */
    public long samples() {
        long samples = 0;
        for (QTableEntry entry : table.entries()) {
            samples = Math.addExact(samples, entry.visits());
        }
        return samples;
    }
}
