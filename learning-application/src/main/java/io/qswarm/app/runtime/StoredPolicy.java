package io.qswarm.app.runtime;

import io.qswarm.environments.Environment;
import io.qswarm.intelligence.api.ActionSpace;
import io.qswarm.intelligence.api.ActionSpec;
import io.qswarm.intelligence.api.QTableEntry;
import io.qswarm.intelligence.api.QTableExport;
import io.qswarm.intelligence.valuefunction.ValueFunction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * The greedy policy of a stored table, playable on an environment with the same actions: of a flat table from its
 * export, of a table with a value function from the function (its spec and current parameters), reading the
 * environment's states in the function's schema.
 */
public final class StoredPolicy {

    private final ActionSpace actions;
    private final Map<String, Map<String, Double>> values = new HashMap<>();
    /** The table's value function, null for a flat table. */
    private final ValueFunction function;

    public StoredPolicy(QTableExport export) {
        this.actions = new ActionSpace(export.actions());
        this.function = null;
        for (QTableEntry entry : export.entries()) {
            values.computeIfAbsent(entry.state().value(), s -> new HashMap<>()).put(entry.action(), entry.q());
        }
    }

    /** The greedy policy of a value function over {@code actions} (the table's, in declaration order). */
    public StoredPolicy(List<ActionSpec> actions, ValueFunction function) {
        this.actions = new ActionSpace(actions);
        this.function = function;
        if (function.actionCount() != actions.size()) {
            throw new IllegalArgumentException(
                    "the value function has " + function.actionCount() + " actions, the table " + actions.size());
        }
    }

    /** The greedy action index in {@code stateKey}; unvisited actions of a flat table are worth 0. */
    public int action(String stateKey) {
        if (function != null) {
            double[] q = function.values(function.schema().parse(stateKey));
            return actions.indexOf(actions.greedy(a -> q[actions.indexOf(a)]));
        }
        Map<String, Double> row = values.getOrDefault(stateKey, Map.of());
        return actions.indexOf(actions.greedy(a -> row.getOrDefault(a, 0.0)));
    }

    /** How the table spells the states of {@code environment}. */
    private IntFunction<String> keys(Environment environment) {
        return function == null
                ? environment::stateKey
                : FactoredStates.in(environment, function.schema()).keys();
    }

    /** Refuses an environment whose actions differ from the table's, by name and order. */
    public void checkCompatible(Environment environment) {
        for (int i = 0; i < Math.max(environment.actionCount(), actions.size()); i++) {
            String ours = i < actions.size() ? actions.name(i) : "(none)";
            String theirs =
                    i < environment.actionCount() ? environment.actions().get(i).name() : "(none)";
            if (!ours.equals(theirs)) {
                throw new IllegalArgumentException("the table's action " + i + " is '" + ours + "' but "
                        + environment.name() + "'s is '" + theirs + "': wrong --env for this table?");
            }
        }
    }

    /** The mean undiscounted return over {@code episodes} greedy episodes (cut at {@code maxSteps}). */
    public double meanReturn(Environment environment, int episodes, long seed, int maxSteps) {
        checkCompatible(environment);
        var random = new SplittableRandom(seed);
        IntFunction<String> keys = keys(environment);
        double sum = 0;
        for (int e = 0; e < episodes; e++) {
            sum += GreedyRollout.play(environment, s -> action(keys.apply(s)), random, maxSteps)
                    .totalReward();
        }
        return sum / episodes;
    }

    /** The action index of every state of {@code environment}. */
    public int[] policy(Environment environment) {
        int[] policy = new int[environment.stateCount()];
        IntFunction<String> keys = keys(environment);
        for (int s = 0; s < policy.length; s++) {
            policy[s] = action(keys.apply(s));
        }
        return policy;
    }
}
