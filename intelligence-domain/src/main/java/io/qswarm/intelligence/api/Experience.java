package io.qswarm.intelligence.api;

import java.util.Map;
import java.util.TreeMap;

/**
 * One transition an agent lived through: in {@code state} it took {@code action}, received {@code reward} and landed
 * in {@code nextState}. {@code nextAction} is the action it takes there (required by SARSA unless terminal). A
 * terminal transition does not bootstrap; its {@code nextState} may be omitted.
 *
 * @param rewardComponents optional named parts of the reward (e.g. resolution, latency); when present they must sum
 *     to {@code reward}
 * @param scope optional context the experience happened in (e.g. {@code regime=bull}, {@code bucket=micro},
 *     {@code timeframe=1h}); read models such as edge scores group by it. Keys and values are identifiers, at most
 *     {@value #MAX_SCOPE_ENTRIES} entries.
 */
public record Experience(
        StateKey state,
        String action,
        double reward,
        Map<String, Double> rewardComponents,
        StateKey nextState,
        String nextAction,
        boolean terminal,
        @AddedLater Map<String, String> scope) {

    /** Most entries a scope may have. */
    public static final int MAX_SCOPE_ENTRIES = 16;

    public Experience {
        Checks.required("state", state);
        Checks.identifier("action", action);
        Checks.finite("reward", reward);
        rewardComponents = rewardComponents == null ? Map.of() : checkedComponents(rewardComponents, reward);
        if (!terminal) {
            Checks.required("nextState (of a non-terminal experience)", nextState);
        }
        if (nextAction != null) {
            Checks.identifier("nextAction", nextAction);
        }
        scope = checkedScope(scope);
    }

    public Experience(
            StateKey state,
            String action,
            double reward,
            Map<String, Double> rewardComponents,
            StateKey nextState,
            String nextAction,
            boolean terminal) {
        this(state, action, reward, rewardComponents, nextState, nextAction, terminal, Map.of());
    }

    public static Experience transition(StateKey state, String action, double reward, StateKey nextState) {
        return new Experience(state, action, reward, Map.of(), nextState, null, false);
    }

    public static Experience terminal(StateKey state, String action, double reward) {
        return new Experience(state, action, reward, Map.of(), null, null, true);
    }

    public Experience withNextAction(String next) {
        return new Experience(state, action, reward, rewardComponents, nextState, next, terminal, scope);
    }

    public Experience withScope(Map<String, String> newScope) {
        return new Experience(state, action, reward, rewardComponents, nextState, nextAction, terminal, newScope);
    }

    /** The scope as one signature, entries sorted by key: {@code regime=bull|timeframe=1h}; empty when unscoped. */
    public static String signature(Map<String, String> scope) {
        var out = new StringBuilder();
        for (var entry : new TreeMap<>(scope).entrySet()) {
            if (out.length() > 0) {
                out.append('|');
            }
            out.append(entry.getKey()).append('=').append(entry.getValue());
        }
        return out.toString();
    }

    private static Map<String, String> checkedScope(Map<String, String> scope) {
        if (scope == null || scope.isEmpty()) {
            return Map.of();
        }
        if (scope.size() > MAX_SCOPE_ENTRIES) {
            throw new IllegalArgumentException(
                    "scope has " + scope.size() + " entries; at most " + MAX_SCOPE_ENTRIES + " are allowed");
        }
        var copy = new TreeMap<String, String>();
        for (var entry : scope.entrySet()) {
            Checks.identifier("scope key", entry.getKey());
            Checks.identifier("scope value of " + entry.getKey(), entry.getValue());
            copy.put(entry.getKey(), entry.getValue());
        }
        return java.util.Collections.unmodifiableMap(copy);
    }

    private static Map<String, Double> checkedComponents(Map<String, Double> components, double reward) {
        if (components.isEmpty()) {
            return Map.of();
        }
        double sum = 0.0;
        var copy = new TreeMap<String, Double>();
        for (var part : components.entrySet()) {
            Checks.identifier("reward component name", part.getKey());
            double value = Checks.finite(
                    "reward component " + part.getKey(), Checks.required("reward component", part.getValue()));
            copy.put(part.getKey(), value);
            sum += value;
        }
        if (Math.abs(sum - reward) > 1e-9 * Math.max(1.0, Math.abs(reward))) {
            throw new IllegalArgumentException(
                    "reward components sum to " + sum + " but the reward is " + reward + "; they must agree");
        }
        return java.util.Collections.unmodifiableMap(copy);
    }
}
