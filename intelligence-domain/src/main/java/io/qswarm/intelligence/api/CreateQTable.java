package io.qswarm.intelligence.api;

import java.util.HashSet;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates the Q-table of an agent for one task. */
public record CreateQTable(
        @TargetAggregateIdentifier QTableId tableId,
        AgentId agentId,
        List<ActionSpec> actions,
        LearningRule rule,
        double alpha,
        double gamma,
        ExplorationSchedule exploration) {

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
}
