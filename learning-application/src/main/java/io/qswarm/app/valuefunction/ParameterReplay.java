package io.qswarm.app.valuefunction;

import io.qswarm.intelligence.api.ActionSpace;
import io.qswarm.intelligence.api.AppliedUpdate;
import io.qswarm.intelligence.api.MergedParameter;
import io.qswarm.intelligence.api.PeerParameter;
import io.qswarm.intelligence.api.PeerParameters;
import io.qswarm.intelligence.api.QTableCreated;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.QTableMerged;
import io.qswarm.intelligence.api.QTableUpdated;
import io.qswarm.intelligence.api.ValueFunctionKind;
import io.qswarm.intelligence.learning.FunctionLearner;
import io.qswarm.intelligence.valuefunction.Parameters;
import io.qswarm.intelligence.valuefunction.StateFeatures;
import io.qswarm.intelligence.valuefunction.ValueFunction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A fold of one table's stored events into its value function and the experiences each parameter stands on per
 * origin — the state the aggregate's event-sourcing handlers build (the same {@link FunctionLearner#step} from the
 * recorded reward and bootstrap, every parameter the update touched counted once more; a parameter merge sets the
 * recorded values and visits per origin) — so a query can answer with a table's parameters without loading the
 * aggregate (the application reaches tables through messages only).
 */
final class ParameterReplay {

    private QTableId tableId;
    private ValueFunctionKind kind;
    private ActionSpace actions;
    private double alpha;
    private double gamma;
    private ValueFunction function;
    private long[] ownVisits;
    private final Map<Integer, TreeMap<String, Long>> peerVisits = new HashMap<>();
    private long events;

    /**
     * Thrown by {@link #accept} on the creation of a flat table: its later events change no parameter, so a reader
     * can stop there ({@link #answer} is complete).
     */
    static final class FlatTable extends RuntimeException {
        FlatTable() {
            super("a flat table has no value-function parameters", null, false, false);
        }
    }

    /**
     * Folds the next event of the table, in stream order.
     *
     * @throws FlatTable on the creation event of a flat table (nothing further to fold)
     */
    void accept(Object event) {
        events++;
        if (event instanceof QTableCreated created) {
            tableId = created.tableId();
            kind = created.valueFunction();
            actions = new ActionSpace(created.actions());
            alpha = created.alpha();
            gamma = created.gamma();
            if (!kind.parameterised()) {
                throw new FlatTable();
            }
            function = created.valueFunctionSpec().create();
            ownVisits = new long[function.parameterCount()];
        } else if (function != null && event instanceof QTableUpdated updated) {
            for (AppliedUpdate update : updated.updates()) {
                StateFeatures state = function.schema().parse(update.state());
                int action = actions.indexOf(update.action());
                FunctionLearner.step(
                        function, state, action, update.reward(), update.bootstrap(), update.terminal(), alpha, gamma);
                for (int j : function.touchedParameters(state, action)) {
                    ownVisits[j]++;
                }
            }
        } else if (function != null && event instanceof QTableMerged merged) {
            merged(merged);
        }
    }

    private void merged(QTableMerged merged) {
        if (merged.parameterChanges().isEmpty()) {
            return;
        }
        double[] values = function.parameters().toArray();
        String own = tableId.value();
        for (MergedParameter change : merged.parameterChanges()) {
            int j = change.index();
            values[j] = change.after();
            var peers = new TreeMap<String, Long>(change.visitsAfter());
            Long mine = peers.remove(own);
            ownVisits[j] = mine == null ? 0 : mine;
            if (peers.isEmpty()) {
                peerVisits.remove(j);
            } else {
                peerVisits.put(j, peers);
            }
        }
        function = function.spec().restore(Parameters.copyOf(values));
    }

    /** The answer, or empty when no creation event was folded. */
    Optional<ValueFunctionParameters> answer() {
        if (tableId == null) {
            return Optional.empty();
        }
        if (function == null) {
            return Optional.of(new ValueFunctionParameters(tableId, kind, null, null, events));
        }
        Parameters current = function.parameters();
        var values = new ArrayList<PeerParameter>(current.size());
        for (int j = 0; j < current.size(); j++) {
            var origins = new TreeMap<String, Long>(peerVisits.getOrDefault(j, new TreeMap<>()));
            if (ownVisits[j] > 0) {
                origins.put(tableId.value(), ownVisits[j]);
            }
            values.add(new PeerParameter(current.get(j), origins));
        }
        return Optional.of(new ValueFunctionParameters(
                tableId, kind, new PeerParameters(function.spec(), values), current.sha256(), events));
    }
}
