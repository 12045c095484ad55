package io.qswarm.audit;

import io.qswarm.intelligence.api.MergedParameter;
import io.qswarm.intelligence.api.StateKey;
import io.qswarm.intelligence.learning.Knowledge;
import io.qswarm.intelligence.valuefunction.FeatureSchema;
import io.qswarm.intelligence.valuefunction.Parameters;
import io.qswarm.intelligence.valuefunction.StateFeatures;
import io.qswarm.intelligence.valuefunction.ValueFunction;
import io.qswarm.intelligence.valuefunction.ValueFunctionSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The auditor's own replay of a table whose values come from a value function: the function rebuilt from its spec
 * (seeded initialisation included) and updated in event order, the own updates of every state-action pair, and the
 * experiences each parameter stands on per origin (to recompute parameter merges). Not the aggregate's state: an
 * independent fold of the same events.
 */
final class ReplayedFunction {

    private final String tableId;
    private final int actions;
    private ValueFunction function;
    private final long[] ownVisits;
    private final Map<Integer, TreeMap<String, Long>> peerVisits = new HashMap<>();
    private final Map<StateKey, long[]> pairVisits = new HashMap<>();

    ReplayedFunction(String tableId, ValueFunctionSpec spec) {
        this.tableId = tableId;
        this.actions = spec.actions();
        this.function = spec.create();
        this.ownVisits = new long[function.parameterCount()];
    }

    ValueFunction function() {
        return function;
    }

    ValueFunctionSpec spec() {
        return function.spec();
    }

    FeatureSchema schema() {
        return function.schema();
    }

    /** {@code Q(s, a)} now, 0 for a key outside the schema or an action out of range. */
    double value(StateKey state, int action) {
        if (action < 0 || action >= actions) {
            return 0.0;
        }
        try {
            return function.value(function.schema().parse(state), action);
        } catch (IllegalArgumentException outside) {
            return 0.0;
        }
    }

    long pairVisits(StateKey state, int action) {
        long[] row = pairVisits.get(state);
        return row == null || action < 0 ? 0 : row[action];
    }

    Map<StateKey, long[]> visitedPairs() {
        return pairVisits;
    }

    /** Counts one verified update of {@code (state, action)}: the pair and every parameter it touched. */
    void counted(StateKey state, StateFeatures features, int action) {
        for (int j : function.touchedParameters(features, action)) {
            ownVisits[j]++;
        }
        pairVisits.computeIfAbsent(state, s -> new long[actions])[action]++;
    }

    /** Parameter {@code j}'s value and experiences per origin, own ones under the table's id. */
    Knowledge knowledge(int j, Parameters values) {
        var origins = new TreeMap<String, Long>(peerVisits.getOrDefault(j, new TreeMap<>()));
        if (ownVisits[j] > 0) {
            origins.put(tableId, ownVisits[j]);
        }
        return new Knowledge(values.get(j), origins);
    }

    /** Applies verified parameter changes. */
    void merged(List<MergedParameter> changes) {
        if (changes.isEmpty()) {
            return;
        }
        double[] values = function.parameters().toArray();
        for (MergedParameter change : changes) {
            int j = change.index();
            values[j] = change.after();
            var peers = new TreeMap<String, Long>(change.visitsAfter());
            Long own = peers.remove(tableId);
            ownVisits[j] = own == null ? 0 : own;
            if (peers.isEmpty()) {
                peerVisits.remove(j);
            } else {
                peerVisits.put(j, peers);
            }
        }
        function = function.spec().restore(Parameters.copyOf(values));
    }
}
