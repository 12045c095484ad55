package io.qswarm.intelligence.api;

import io.qswarm.intelligence.valuefunction.Cue;
import io.qswarm.intelligence.valuefunction.ValueFunctionSpec;
import java.util.HashSet;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates the Q-table of an agent for one task.
 *
 * @param valueFunctionSpec how the table represents its values: null for the flat table (one value per state key and
 *     action); otherwise a {@link ValueFunctionSpec} declaring the kind, the feature schema every state key must fit,
 *     and the kind's settings (rank, tilings, seed, …). Its action count must match {@code actions}; a communication
 *     table's actions are the cues {@code silent, positive, alert, persist} in that order.
 * @param actingAgent the agent on whose credential the table is created, or {@code null} for a caller that may create
 *     tables for any agent; an agent may only create its own tables ({@code agentId} equal to it)
 */
public record CreateQTable(
        @TargetAggregateIdentifier QTableId tableId,
        AgentId agentId,
        List<ActionSpec> actions,
        LearningRule rule,
        double alpha,
        double gamma,
        ExplorationSchedule exploration,
        @AddedLater ValueFunctionSpec valueFunctionSpec,
        AgentId actingAgent) {

    public static final int MAX_ACTIONS = 256;

    public CreateQTable {
        Checks.required("tableId", tableId);
        Checks.required("agentId", agentId);
        actions = checkedActions(actions);
        Checks.required("rule", rule);
        Checks.finite("alpha", alpha);
        if (alpha <= 0.0 || alpha > 1.0) {
            throw new IllegalArgumentException("alpha (learning rate) must be in (0, 1], was " + alpha);
        }
        Checks.inRange("gamma (discount)", gamma, 0.0, 1.0);
        Checks.required("exploration", exploration);
        checkValueFunction(valueFunctionSpec, actions);
    }

    /** A table created by a caller that may create tables for any agent. */
    public CreateQTable(
            QTableId tableId,
            AgentId agentId,
            List<ActionSpec> actions,
            LearningRule rule,
            double alpha,
            double gamma,
            ExplorationSchedule exploration,
            ValueFunctionSpec valueFunctionSpec) {
        this(tableId, agentId, actions, rule, alpha, gamma, exploration, valueFunctionSpec, null);
    }

    /** A flat table. */
    public CreateQTable(
            QTableId tableId,
            AgentId agentId,
            List<ActionSpec> actions,
            LearningRule rule,
            double alpha,
            double gamma,
            ExplorationSchedule exploration) {
        this(tableId, agentId, actions, rule, alpha, gamma, exploration, null);
    }

    /** The kind of value function the table will have. */
    public ValueFunctionKind valueFunction() {
        return ValueFunctionKind.of(valueFunctionSpec);
    }

    static List<ActionSpec> checkedActions(List<ActionSpec> actions) {
        Checks.required("actions", actions);
        if (actions.isEmpty() || actions.size() > MAX_ACTIONS) {
            throw new IllegalArgumentException(
                    "actions must list 1 to " + MAX_ACTIONS + " actions, was " + actions.size());
        }
        var names = new HashSet<String>();
        for (ActionSpec action : actions) {
            Checks.required("action", action);
            if (!names.add(action.name())) {
                throw new IllegalArgumentException("action '" + action.name() + "' is declared twice");
            }
        }
        return List.copyOf(actions);
    }

    private static void checkValueFunction(ValueFunctionSpec spec, List<ActionSpec> actions) {
        if (spec == null) {
            return;
        }
        if (spec.actions() != actions.size()) {
            throw new IllegalArgumentException("the value function (" + spec.describe() + ") is declared for "
                    + spec.actions() + " actions, the table has " + actions.size());
        }
        if (spec.kind() == ValueFunctionSpec.Kind.COMMUNICATION) {
            List<String> cues =
                    java.util.Arrays.stream(Cue.values()).map(Cue::key).toList();
            List<String> names = actions.stream().map(ActionSpec::name).toList();
            if (!names.equals(cues)) {
                throw new IllegalArgumentException(
                        "a communication table's actions are the cues " + cues + " in that order, was " + names);
            }
        }
    }
}
