package io.qswarm.app.runtime;

import io.qswarm.environments.Environment;
import io.qswarm.intelligence.api.ActionSpace;
import io.qswarm.intelligence.api.QTableEntry;
import io.qswarm.intelligence.api.QTableExport;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** The greedy policy of a stored table (from its export), playable on an environment with the same actions. */
public final class StoredPolicy {

    private final ActionSpace actions;
    private final Map<String, Map<String, Double>> values = new HashMap<>();

    public StoredPolicy(QTableExport export) {
        this.actions = new ActionSpace(export.actions());
        for (QTableEntry entry : export.entries()) {
            values.computeIfAbsent(entry.state().value(), s -> new HashMap<>()).put(entry.action(), entry.q());
        }
    }

    /** The greedy action index in {@code stateKey}; unvisited actions are worth 0. */
    public int action(String stateKey) {
        Map<String, Double> row = values.getOrDefault(stateKey, Map.of());
        return actions.indexOf(actions.greedy(a -> row.getOrDefault(a, 0.0)));
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
        double sum = 0;
        for (int e = 0; e < episodes; e++) {
            sum += GreedyRollout.play(environment, s -> action(environment.stateKey(s)), random, maxSteps)
                    .totalReward();
        }
        return sum / episodes;
    }

    /** The action index of every state of {@code environment}. */
    public int[] policy(Environment environment) {
        int[] policy = new int[environment.stateCount()];
        for (int s = 0; s < policy.length; s++) {
            policy[s] = action(environment.stateKey(s));
        }
        return policy;
    }
}
