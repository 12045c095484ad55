package io.qswarm.audit;

import io.qswarm.intelligence.api.ActionSpace;
import io.qswarm.intelligence.api.AgentId;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.QTableCreated;
import io.qswarm.intelligence.api.StateKey;
import io.qswarm.intelligence.api.ValueFunctionKind;
import io.qswarm.intelligence.integrity.HashChain;
import io.qswarm.intelligence.learning.Knowledge;
import io.qswarm.intelligence.valuefunction.FeatureSchema;
import io.qswarm.intelligence.valuefunction.ValueFunctionSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The auditor's own fold of one table's events: values, own and per-peer visits, exploration state, idempotency keys
 * and the chain head. Deliberately not the {@code QTable} aggregate, so a replay is an independent check of it.
 *
 * <p>A table with a parameterised value function (every kind but {@code TABULAR}) keeps its values in a
 * {@link ReplayedFunction} instead of rows: {@link #q} reads the function, {@link #visits} counts the pair's own
 * updates, and its entries are the visited pairs at their current values.
 */
public final class ReplayedTable {

    private final String tableId;
    private final AgentId agentId;
    private final ActionSpace actions;
    private final LearningRule rule;
    private final double alpha;
    private final double gamma;
    private ExplorationSchedule exploration;
    private double epsilon;
    private long episodes;
    private long version = -1;
    private String lastHash = HashChain.GENESIS;
    private long events;
    private long updates;
    private long merges;
    private final Set<String> appliedKeys = new HashSet<>();
    private final Map<StateKey, Row> rows = new HashMap<>();
    private final ValueFunctionKind kind;
    private final ValueFunctionSpec spec;
    private final ReplayedFunction function;

    /** Values of one state, indexed by action declaration order. */
    static final class Row {
        final double[] q;
        final long[] own;
        final Map<String, Long>[] peers;

        @SuppressWarnings("unchecked")
        Row(int actions) {
            q = new double[actions];
            own = new long[actions];
            peers = new Map[actions];
        }

        long visits(int a) {
            long sum = own[a];
            if (peers[a] != null) {
                for (long count : peers[a].values()) {
                    sum += count;
                }
            }
            return sum;
        }
    }

    ReplayedTable(QTableCreated created) {
        tableId = created.tableId().value();
        agentId = created.agentId();
        actions = new ActionSpace(created.actions());
        rule = created.rule();
        alpha = created.alpha();
        gamma = created.gamma();
        exploration = created.exploration();
        epsilon = created.epsilon();
        kind = created.valueFunction();
        spec = created.valueFunctionSpec();
        function = kind.parameterised() ? new ReplayedFunction(tableId, spec) : null;
    }

    public ValueFunctionKind valueFunction() {
        return kind;
    }

    /** The declared value function, or null for a flat table without a schema. */
    public ValueFunctionSpec valueFunctionSpec() {
        return spec;
    }

    /** The schema state keys must fit, or null when the table declared none. */
    FeatureSchema schema() {
        return spec == null ? null : spec.schema();
    }

    /** The replayed value function, or null for a flat table. */
    ReplayedFunction function() {
        return function;
    }

    /** SHA-256 of the value function's parameters ({@code Parameters.sha256()}), or null for a flat table. */
    public String parametersSha256() {
        return function == null ? null : function.function().parameters().sha256();
    }

    public String tableId() {
        return tableId;
    }

    public AgentId agentId() {
        return agentId;
    }

    public ActionSpace actions() {
        return actions;
    }

    public LearningRule rule() {
        return rule;
    }

    public double alpha() {
        return alpha;
    }

    public double gamma() {
        return gamma;
    }

    public ExplorationSchedule exploration() {
        return exploration;
    }

    public double epsilon() {
        return epsilon;
    }

    public long episodes() {
        return episodes;
    }

    /** Sequence number of the last event applied (Axon's aggregate version). */
    public long version() {
        return version;
    }

    public String lastHash() {
        return lastHash;
    }

    public long events() {
        return events;
    }

    public long updates() {
        return updates;
    }

    public long merges() {
        return merges;
    }

    /** {@code Q(s, a)}, 0 when unvisited or when {@code action} is unknown; a value function's value now. */
    public double q(StateKey state, String action) {
        int a = actions.indexOf(action);
        if (function != null) {
            return function.value(state, a);
        }
        Row row = rows.get(state);
        return row == null || a < 0 ? 0.0 : row.q[a];
    }

    /** The pair's visits; for a value function, its own updates (merges move parameters, not pairs). */
    public long visits(StateKey state, String action) {
        int a = actions.indexOf(action);
        if (function != null) {
            return function.pairVisits(state, a);
        }
        Row row = rows.get(state);
        return row == null || a < 0 ? 0 : row.visits(a);
    }

    /** The entry as merges see it: its value and visits per origin, own visits under this table's id. */
    public Knowledge knowledge(StateKey state, String action) {
        if (function != null) {
            long visits = visits(state, action);
            return new Knowledge(q(state, action), visits == 0 ? Map.of() : Map.of(tableId, visits));
        }
        Row row = rows.get(state);
        int a = actions.indexOf(action);
        if (row == null || a < 0) {
            return Knowledge.NONE;
        }
        var origins = new HashMap<String, Long>();
        if (row.peers[a] != null) {
            origins.putAll(row.peers[a]);
        }
        if (row.own[a] > 0) {
            origins.put(tableId, row.own[a]);
        }
        return new Knowledge(row.q[a], origins);
    }

    /** The row of {@code state}, or null when the table has never seen it. */
    Row row(StateKey state) {
        return rows.get(state);
    }

    Row rowOrNew(StateKey state) {
        return rows.computeIfAbsent(state, s -> new Row(actions.size()));
    }

    /** Counts one verified update; its row was changed in place. */
    void countUpdate() {
        updates++;
    }

    boolean seen(String idempotencyKey) {
        return appliedKeys.contains(idempotencyKey);
    }

    void merged(StateKey state, String action, double q, Map<String, Long> visitsByOrigin) {
        Row row = rows.computeIfAbsent(state, s -> new Row(actions.size()));
        int a = actions.indexOf(action);
        var peers = new TreeMap<String, Long>(visitsByOrigin);
        Long own = peers.remove(tableId);
        row.q[a] = q;
        row.own[a] = own == null ? 0 : own;
        row.peers[a] = peers.isEmpty() ? null : peers;
    }

    void batchApplied(String key, long episodesAfter, double epsilonAfter) {
        appliedKeys.add(key);
        episodes = episodesAfter;
        epsilon = epsilonAfter;
    }

    void mergeApplied() {
        merges++;
    }

    void explorationChanged(ExplorationSchedule schedule, double epsilonAfter) {
        exploration = schedule;
        epsilon = epsilonAfter;
        episodes = 0;
    }

    void linked(long sequence, String hash) {
        version = sequence;
        lastHash = hash;
        events++;
    }

    /**
     * Every entry with at least one visit, sorted by state then action name: the table's Merkle leaves. For a value
     * function: every pair with at least one own update, at the function's current value.
     */
    public List<EntryLeaf> leaves() {
        if (function != null) {
            return functionLeaves();
        }
        var states = new ArrayList<>(rows.keySet());
        states.sort(null);
        var names = new ArrayList<String>();
        for (int a = 0; a < actions.size(); a++) {
            names.add(actions.name(a));
        }
        var byName = new ArrayList<>(names);
        byName.sort(null);
        var leaves = new ArrayList<EntryLeaf>();
        for (StateKey state : states) {
            Row row = rows.get(state);
            for (String name : byName) {
                int a = actions.indexOf(name);
                if (row.visits(a) == 0) {
                    continue;
                }
                var origins = new TreeMap<String, Long>();
                if (row.peers[a] != null) {
                    origins.putAll(row.peers[a]);
                }
                if (row.own[a] > 0) {
                    origins.put(tableId, row.own[a]);
                }
                leaves.add(new EntryLeaf(state.value(), name, row.q[a], origins));
            }
        }
        return leaves;
    }

    private List<EntryLeaf> functionLeaves() {
        var states = new ArrayList<>(function.visitedPairs().keySet());
        states.sort(null);
        var byName = new ArrayList<String>();
        for (int a = 0; a < actions.size(); a++) {
            byName.add(actions.name(a));
        }
        byName.sort(null);
        var leaves = new ArrayList<EntryLeaf>();
        for (StateKey state : states) {
            long[] visits = function.visitedPairs().get(state);
            for (String name : byName) {
                int a = actions.indexOf(name);
                if (visits[a] > 0) {
                    leaves.add(new EntryLeaf(
                            state.value(), name, function.value(state, a), new TreeMap<>(Map.of(tableId, visits[a]))));
                }
            }
        }
        return leaves;
    }
}
