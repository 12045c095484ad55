package io.qswarm.audit;

import io.qswarm.intelligence.api.ActionSpace;
import io.qswarm.intelligence.api.AgentId;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.QTableCreated;
import io.qswarm.intelligence.api.StateKey;
import io.qswarm.intelligence.integrity.HashChain;
import io.qswarm.intelligence.learning.Knowledge;
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

    /** {@code Q(s, a)}, 0 when unvisited or when {@code action} is unknown. */
    public double q(StateKey state, String action) {
        Row row = rows.get(state);
        int a = actions.indexOf(action);
        return row == null || a < 0 ? 0.0 : row.q[a];
    }

    public long visits(StateKey state, String action) {
        Row row = rows.get(state);
        int a = actions.indexOf(action);
        return row == null || a < 0 ? 0 : row.visits(a);
    }

    /** The entry as merges see it: its value and visits per origin, own visits under this table's id. */
    public Knowledge knowledge(StateKey state, String action) {
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

    /** Every entry with at least one visit, sorted by state then action name: the table's Merkle leaves. */
    public List<EntryLeaf> leaves() {
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
}
