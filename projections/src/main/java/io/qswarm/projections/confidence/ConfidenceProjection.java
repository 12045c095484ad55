package io.qswarm.projections.confidence;

import io.qswarm.intelligence.api.AppliedUpdate;
import io.qswarm.intelligence.api.ConfidencePolicy;
import io.qswarm.intelligence.api.MergedEntry;
import io.qswarm.intelligence.api.QTableCreated;
import io.qswarm.intelligence.api.QTableMerged;
import io.qswarm.intelligence.api.QTableUpdated;
import io.qswarm.projections.support.BatchWrites;
import io.qswarm.projections.support.LiveUpdates;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The confidence read model: per entry its value, visits, confidence, outcomes and last change; per state the mean
 * confidence over all actions; per table running totals (known states, visited entries, confidence sum, a histogram
 * by tenths) kept incrementally, so the table-level answer costs one row read whatever the table's size. The changes
 * of every event of a processor batch are collected and each touched row is written once when the batch commits
 * ({@link BatchWrites}).
 *
 * <p>Idempotent like every projection here: the table row remembers the sequence of the last event applied and an
 * event at or below it changes nothing. A successful experience has a positive reward, a failed one a negative reward.
 */
@Component
@ProcessingGroup(ConfidenceProjection.PROCESSING_GROUP)
public class ConfidenceProjection {

    public static final String PROCESSING_GROUP = "confidence";

    static final int BUCKETS = 10;

    private final JdbcTemplate jdbc;
    private final ConfidencePolicy confidence;
    private final ConfidenceQueries queries;
    private final LiveUpdates live;
    private final BatchWrites<Pending> writes;

    public ConfidenceProjection(
            JdbcTemplate jdbc, ConfidencePolicy confidence, ConfidenceQueries queries, LiveUpdates live) {
        this.jdbc = jdbc;
        this.confidence = confidence;
        this.queries = queries;
        this.live = live;
        this.writes = new BatchWrites<>(PROCESSING_GROUP, Pending::new, this::flush);
    }

    @EventHandler
    void on(QTableCreated event, @SequenceNumber long sequence) {
        jdbc.update(
                "INSERT INTO confidence_table (table_id, action_count, known_states, visited_entries, confidence_sum,"
                        + " successes, failures, h0, h1, h2, h3, h4, h5, h6, h7, h8, h9, last_sequence)"
                        + " SELECT ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ? FROM (VALUES (1)) AS one(x)"
                        + " WHERE NOT EXISTS (SELECT 1 FROM confidence_table WHERE table_id = ?)",
                event.tableId().value(),
                event.actions().size(),
                sequence,
                event.tableId().value());
    }

    @EventHandler
    void on(QTableUpdated event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        var changes = new LinkedHashMap<EntryKey, Change>();
        var states = new LinkedHashSet<String>();
        for (AppliedUpdate update : event.updates()) {
            var key = new EntryKey(update.state().value(), update.action());
            // a learning step adds exactly one visit: the first update of an entry in the batch tells its visits before
            Change change = changes.computeIfAbsent(key, k -> new Change(update.visits() - 1));
            change.q = update.newQ();
            change.visits = update.visits();
            change.successes += update.reward() > 0 ? 1 : 0;
            change.failures += update.reward() < 0 ? 1 : 0;
            states.add(key.state());
            if (update.nextState() != null) {
                states.add(update.nextState().value());
            }
        }
        String table = event.tableId().value();
        writes.apply(pending -> apply(pending, table, sequence, at, changes, states));
    }

    @EventHandler
    void on(QTableMerged event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        var changes = new LinkedHashMap<EntryKey, Change>();
        var states = new LinkedHashSet<String>();
        for (MergedEntry merged : event.changes()) {
            var key = new EntryKey(merged.state().value(), merged.action());
            Change change = changes.computeIfAbsent(key, k -> new Change(total(merged.visitsBefore())));
            change.q = merged.qAfter();
            change.visits = total(merged.visitsAfter());
            states.add(key.state());
        }
        String table = event.tableId().value();
        writes.apply(pending -> apply(pending, table, sequence, at, changes, states));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM confidence_entry");
        jdbc.update("DELETE FROM confidence_value");
        jdbc.update("DELETE FROM confidence_state");
        jdbc.update("DELETE FROM confidence_table");
    }

    /** The entry's bucket in the histogram by tenths; confidence 1 (never reached by the default policy) is the last. */
    static int bucket(double confidence) {
        return Math.min(BUCKETS - 1, Math.max(0, (int) Math.floor(confidence * BUCKETS)));
    }

    /**
     * Applies one event to the pending changes of the current batch without reading the entries back: an entry's
     * confidence before the event follows from its visits before, which the event tells (a learning step adds one
     * visit; a merge records the visits before), so the table totals move by deltas. The table row and the touched
     * state rows are read once per batch and then moved in memory, in event order, exactly as the SQL additions did;
     * each touched entry, state and table is written once when the batch commits ({@link #flush}). The event's
     * changes enter the pending changes only once all of them are computed.
     */
    private void apply(
            Pending pending,
            String table,
            long sequence,
            Instant at,
            Map<EntryKey, Change> changes,
            Set<String> touchedStates) {
        TableRow totals = pending.tables.get(table);
        if (totals == null) {
            totals = loadTable(table);
            if (totals == null) {
                return; // a table this model never saw created
            }
            pending.tables.put(table, totals);
        }
        if (totals.lastSequence >= sequence) {
            return; // already applied: redelivery changes nothing
        }
        int actionCount = totals.actionCount;
        Map<String, StateRow> states = pending.states.computeIfAbsent(table, t -> new HashMap<>());
        var missing = new ArrayList<String>();
        for (String state : touchedStates) {
            if (!states.containsKey(state)) {
                missing.add(state);
            }
        }
        Map<String, StateRow> loaded = loadStates(table, missing);
        var stateDeltas = new LinkedHashMap<String, StateDelta>();
        for (String state : touchedStates) {
            stateDeltas.put(state, new StateDelta());
        }
        var event = new TableTotals();
        var entryChanges = new ArrayList<EntryWrite>(changes.size());
        for (var entry : changes.entrySet()) {
            EntryKey key = entry.getKey();
            Change change = entry.getValue();
            double now = confidence.confidence(change.visits);
            StateDelta state = stateDeltas.get(key.state());
            event.histogram[bucket(now)]++;
            event.values.merge(now, 1L, Long::sum);
            event.successes += change.successes;
            event.failures += change.failures;
            if (change.visitsBefore <= 0) {
                event.visited++;
                event.confidenceSum += now;
                state.visitedActions++;
                state.confidenceSum += now;
            } else {
                double old = confidence.confidence(change.visitsBefore);
                event.histogram[bucket(old)]--;
                event.values.merge(old, -1L, Long::sum);
                event.confidenceSum += now - old;
                state.confidenceSum += now - old;
            }
            entryChanges.add(
                    new EntryWrite(table, key, change.q, change.visits, now, change.successes, change.failures));
        }

        // the event is computed: keep its changes
        Timestamp time = Timestamp.from(at);
        for (EntryWrite write : entryChanges) {
            write.time = time;
            pending.entries.merge(new TableEntry(table, write.key), write, EntryWrite::then);
        }
        states.putAll(loaded);
        for (var state : stateDeltas.entrySet()) {
            StateDelta delta = state.getValue();
            StateRow row = states.get(state.getKey());
            if (row == null) {
                // as the INSERT did: the sums start at the event's delta
                states.put(
                        state.getKey(),
                        new StateRow(
                                false, delta.visitedActions, delta.confidenceSum, delta.confidenceSum / actionCount));
                event.knownStates++;
            } else {
                // as UPDATE ... SET confidence_sum = confidence_sum + ?, state_confidence = (confidence_sum + ?) / ?
                row.visitedActions += delta.visitedActions;
                row.stateConfidence = (row.confidenceSum + delta.confidenceSum) / actionCount;
                row.confidenceSum = row.confidenceSum + delta.confidenceSum;
                row.changed = true;
            }
        }
        totals.add(event, sequence, time);
    }

    /** Writes a batch's pending changes: each touched entry, state and table row once, then the live updates. */
    private void flush(Pending pending) {
        if (pending.tables.values().stream().noneMatch(totals -> totals.changed)) {
            return;
        }
        var entryRows = new ArrayList<Object[]>(pending.entries.size());
        for (EntryWrite write : pending.entries.values()) {
            entryRows.add(new Object[] {
                write.q,
                write.visits,
                write.confidence,
                write.successes,
                write.failures,
                write.time,
                write.table,
                write.key.state(),
                write.key.action()
            });
        }
        upsert(
                "UPDATE confidence_entry SET q = ?, visits = ?, confidence = ?, successes = successes + ?,"
                        + " failures = failures + ?, last_update_at = ? WHERE table_id = ? AND state = ? AND action = ?",
                "INSERT INTO confidence_entry (q, visits, confidence, successes, failures, last_update_at, table_id,"
                        + " state, action) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entryRows);
        var stateUpdates = new ArrayList<Object[]>();
        var stateInserts = new ArrayList<Object[]>();
        pending.states.forEach((table, states) -> states.forEach((state, row) -> {
            if (!row.stored) {
                stateInserts.add(
                        new Object[] {row.visitedActions, row.confidenceSum, row.stateConfidence, table, state});
            } else if (row.changed) {
                stateUpdates.add(
                        new Object[] {row.visitedActions, row.confidenceSum, row.stateConfidence, table, state});
            }
        }));
        if (!stateUpdates.isEmpty()) {
            jdbc.batchUpdate(
                    "UPDATE confidence_state SET visited_actions = ?, confidence_sum = ?, state_confidence = ?"
                            + " WHERE table_id = ? AND state = ?",
                    stateUpdates);
        }
        if (!stateInserts.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT INTO confidence_state (visited_actions, confidence_sum, state_confidence, table_id, state)"
                            + " VALUES (?, ?, ?, ?, ?)",
                    stateInserts);
        }
        pending.tables.forEach((table, totals) -> {
            if (totals.changed) {
                jdbc.update(
                        "UPDATE confidence_table SET known_states = ?, visited_entries = ?, confidence_sum = ?,"
                                + " successes = ?, failures = ?, h0 = ?, h1 = ?, h2 = ?, h3 = ?, h4 = ?, h5 = ?,"
                                + " h6 = ?, h7 = ?, h8 = ?, h9 = ?, last_sequence = ?, last_update_at = ?"
                                + " WHERE table_id = ?",
                        totals.knownStates,
                        totals.visited,
                        totals.confidenceSum,
                        totals.successes,
                        totals.failures,
                        totals.histogram[0],
                        totals.histogram[1],
                        totals.histogram[2],
                        totals.histogram[3],
                        totals.histogram[4],
                        totals.histogram[5],
                        totals.histogram[6],
                        totals.histogram[7],
                        totals.histogram[8],
                        totals.histogram[9],
                        totals.lastSequence,
                        totals.lastUpdateAt,
                        table);
            }
        });
        var valueUpdates = new ArrayList<Object[]>();
        pending.tables.forEach((table, totals) -> {
            totals.values.forEach((value, delta) -> {
                if (delta != 0) {
                    valueUpdates.add(new Object[] {delta, table, value});
                }
            });
            totals.values.clear();
        });
        if (!valueUpdates.isEmpty()) {
            int[] updated = jdbc.batchUpdate(
                    "UPDATE confidence_value SET entries = entries + ? WHERE table_id = ? AND confidence = ?",
                    valueUpdates);
            var valueInserts = new ArrayList<Object[]>();
            for (int i = 0; i < updated.length; i++) {
                if (updated[i] == 0) {
                    Object[] row = valueUpdates.get(i);
                    valueInserts.add(new Object[] {row[1], row[2], row[0]});
                }
            }
            if (!valueInserts.isEmpty()) {
                jdbc.batchUpdate(
                        "INSERT INTO confidence_value (table_id, confidence, entries) VALUES (?, ?, ?)", valueInserts);
            }
        }
        pending.tables.forEach((table, totals) -> {
            if (totals.changed) {
                live.changed(
                        FetchTableConfidence.class,
                        query -> query.tableId().value().equals(table),
                        queries::handle);
            }
        });
    }

    private TableRow loadTable(String table) {
        List<TableRow> found = jdbc.query(
                "SELECT * FROM confidence_table WHERE table_id = ?",
                (rs, i) -> {
                    var row = new TableRow(rs.getInt("action_count"));
                    row.knownStates = rs.getLong("known_states");
                    row.visited = rs.getLong("visited_entries");
                    row.confidenceSum = rs.getDouble("confidence_sum");
                    row.successes = rs.getLong("successes");
                    row.failures = rs.getLong("failures");
                    for (int b = 0; b < BUCKETS; b++) {
                        row.histogram[b] = rs.getLong("h" + b);
                    }
                    row.lastSequence = rs.getLong("last_sequence");
                    row.lastUpdateAt = rs.getTimestamp("last_update_at");
                    return row;
                },
                table);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The stored rows of the given states (a {@code VALUES} list joined on the primary key, in chunks). */
    private Map<String, StateRow> loadStates(String table, List<String> states) {
        var out = new HashMap<String, StateRow>();
        for (int from = 0; from < states.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = states.subList(from, Math.min(states.size(), from + LOOKUP_CHUNK));
            var args = new ArrayList<Object>(chunk);
            args.add(table);
            jdbc.query(
                    "SELECT s.state, s.visited_actions, s.confidence_sum, s.state_confidence FROM (VALUES "
                            + String.join(", ", java.util.Collections.nCopies(chunk.size(), "(?)"))
                            + ") AS k(state) JOIN confidence_state s ON s.table_id = ? AND s.state = k.state",
                    rs -> {
                        out.put(rs.getString(1), new StateRow(true, rs.getInt(2), rs.getDouble(3), rs.getDouble(4)));
                    },
                    args.toArray());
        }
        return out;
    }

    /** Batched updates, then batched inserts of the rows no update found. */
    private void upsert(String update, String insert, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int[] updated = jdbc.batchUpdate(update, rows);
        var missing = new ArrayList<Object[]>();
        for (int i = 0; i < rows.size(); i++) {
            if (updated[i] == 0) {
                missing.add(rows.get(i));
            }
        }
        if (!missing.isEmpty()) {
            jdbc.batchUpdate(insert, missing);
        }
    }

    private static long total(Map<String, Long> visitsByOrigin) {
        return visitsByOrigin.values().stream().mapToLong(Long::longValue).sum();
    }

    private record EntryKey(String state, String action) {}

    private record TableEntry(String table, EntryKey key) {}

    /** Largest number of keys one lookup carries. */
    private static final int LOOKUP_CHUNK = 300;

    /** The changes of one batch: per table its totals, its touched states, and every touched entry. */
    private static final class Pending {
        final Map<String, TableRow> tables = new LinkedHashMap<>();
        final Map<String, Map<String, StateRow>> states = new LinkedHashMap<>();
        final Map<TableEntry, EntryWrite> entries = new LinkedHashMap<>();
    }

    /** An entry's new value, visits and confidence, and the outcomes the batch adds to it. */
    private static final class EntryWrite {
        final String table;
        final EntryKey key;
        double q;
        long visits;
        double confidence;
        long successes;
        long failures;
        Timestamp time;

        EntryWrite(
                String table, EntryKey key, double q, long visits, double confidence, long successes, long failures) {
            this.table = table;
            this.key = key;
            this.q = q;
            this.visits = visits;
            this.confidence = confidence;
            this.successes = successes;
            this.failures = failures;
        }

        /** This entry after a later event's change. */
        EntryWrite then(EntryWrite later) {
            q = later.q;
            visits = later.visits;
            confidence = later.confidence;
            successes += later.successes;
            failures += later.failures;
            time = later.time;
            return this;
        }
    }

    /** A state row as stored ({@code stored}) or about to be inserted, moved in memory through the batch. */
    private static final class StateRow {
        final boolean stored;
        int visitedActions;
        double confidenceSum;
        double stateConfidence;
        boolean changed;

        StateRow(boolean stored, int visitedActions, double confidenceSum, double stateConfidence) {
            this.stored = stored;
            this.visitedActions = visitedActions;
            this.confidenceSum = confidenceSum;
            this.stateConfidence = stateConfidence;
        }
    }

    /** The table row's running totals, moved in memory through the batch. */
    private static final class TableRow {
        final int actionCount;
        final long[] histogram = new long[BUCKETS];
        /** Entries gained (lost) per confidence value in this batch, not yet written. */
        final Map<Double, Long> values = new java.util.TreeMap<>();

        long knownStates;
        long visited;
        double confidenceSum;
        long successes;
        long failures;
        long lastSequence;
        Timestamp lastUpdateAt;
        boolean changed;

        TableRow(int actionCount) {
            this.actionCount = actionCount;
        }

        /** As the UPDATE did: every total plus the event's delta, the sequence and time of the event. */
        void add(TableTotals event, long sequence, Timestamp time) {
            knownStates += event.knownStates;
            visited += event.visited;
            confidenceSum = confidenceSum + event.confidenceSum;
            successes += event.successes;
            failures += event.failures;
            for (int b = 0; b < BUCKETS; b++) {
                histogram[b] += event.histogram[b];
            }
            event.values.forEach((value, delta) -> values.merge(value, delta, Long::sum));
            lastSequence = sequence;
            lastUpdateAt = time;
            changed = true;
        }
    }

    /** What one event does to one entry: its final value and visits, and the outcomes it adds. */
    private static final class Change {
        final long visitsBefore;
        double q;
        long visits;
        long successes;
        long failures;

        Change(long visitsBefore) {
            this.visitsBefore = visitsBefore;
        }
    }

    private static final class StateDelta {
        int visitedActions;
        double confidenceSum;
    }

    private static final class TableTotals {
        final long[] histogram = new long[BUCKETS];
        /** Entries gained (lost) per confidence value. */
        final Map<Double, Long> values = new java.util.TreeMap<>();

        long knownStates;
        long visited;
        double confidenceSum;
        long successes;
        long failures;
    }
}
