package io.qswarm.intelligence.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The ordered actions of a table, with greedy selection. Ties are broken deterministically and only among the
 * actions sharing the maximum value: lowest base cost first, then declaration order.
 */
public final class ActionSpace {

    private final List<ActionSpec> actions;
    private final Map<String, Integer> indexByName;

    public ActionSpace(List<ActionSpec> actions) {
        this.actions = CreateQTable.checkedActions(actions);
        this.indexByName = new HashMap<>();
        for (int i = 0; i < this.actions.size(); i++) {
            indexByName.put(this.actions.get(i).name(), i);
        }
    }

    public List<ActionSpec> actions() {
        return actions;
    }

    public int size() {
        return actions.size();
    }

    public boolean contains(String action) {
        return indexByName.containsKey(action);
    }

    /** Declaration index of {@code action}, or -1 if it is not in this space. */
    public int indexOf(String action) {
        return indexByName.getOrDefault(action, -1);
    }

    public String name(int index) {
        return actions.get(index).name();
    }

    /** The greedy action for the given values (an unvisited action is worth what {@code value} says, usually 0). */
    public String greedy(ToDoubleFunction<String> value) {
        ActionSpec best = actions.get(0);
        double bestValue = value.applyAsDouble(best.name());
        for (int i = 1; i < actions.size(); i++) {
            ActionSpec candidate = actions.get(i);
            double candidateValue = value.applyAsDouble(candidate.name());
            if (candidateValue > bestValue || (candidateValue == bestValue && candidate.baseCost() < best.baseCost())) {
                best = candidate;
                bestValue = candidateValue;
            }
        }
        return best.name();
    }

    /** {@code max_a value(a)} over every action. */
    public double max(ToDoubleFunction<String> value) {
        double max = Double.NEGATIVE_INFINITY;
        for (ActionSpec action : actions) {
            max = Math.max(max, value.applyAsDouble(action.name()));
        }
        return max;
    }

    /** The mean of {@code value(a)} over every action. */
    public double mean(ToDoubleFunction<String> value) {
        double sum = 0.0;
        for (ActionSpec action : actions) {
            sum += value.applyAsDouble(action.name());
        }
        return sum / actions.size();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ActionSpace space && space.actions.equals(actions);
    }

    @Override
    public int hashCode() {
        return actions.hashCode();
    }

    @Override
    public String toString() {
        return "ActionSpace" + actions;
    }
}
