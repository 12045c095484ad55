package io.qswarm.projections.confidence;

import io.qswarm.intelligence.api.AppliedUpdate;
import io.qswarm.intelligence.api.ConfidencePolicy;
import io.qswarm.intelligence.api.MergedEntry;
import io.qswarm.intelligence.api.QTableCreated;
import io.qswarm.intelligence.api.QTableMerged;
import io.qswarm.intelligence.api.QTableUpdated;
import io.qswarm.projections.support.LiveUpdates;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The confidence read model: per entry its value, visits, confidence, outcomes and last change; per state the mean
 * confidence over all actions; per table running totals (known states, visited entries, confidence sum, a histogram
 * by tenths) kept incrementally, so the table-level answer costs one row read whatever the table's size.
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

    public ConfidenceProjection(
            JdbcTemplate jdbc, ConfidencePolicy confidence, ConfidenceQueries queries, LiveUpdates live) {
        this.jdbc = jdbc;
        this.confidence = confidence;
        this.queries = queries;
        this.live = live;
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
        apply(event.tableId().value(), sequence, at, changes, states);
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
        apply(event.tableId().value(), sequence, at, changes, states);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM confidence_entry");
        jdbc.update("DELETE FROM confidence_state");
        jdbc.update("DELETE FROM confidence_table");
    }

    /** The entry's bucket in the histogram by tenths; confidence 1 (never reached by the default policy) is the last. */
    static int bucket(double confidence) {
        return Math.min(BUCKETS - 1, Math.max(0, (int) Math.floor(confidence * BUCKETS)));
    }

    /**
     * Applies one event without reading the entries back: an entry's confidence before the event follows from its
     * visits before, which the event tells (a learning step adds one visit; a merge records the visits before), so
     * the table totals move by deltas. States and entries are written as batched updates, then inserts of the rows
     * the updates did not find.
     */
    private void apply(
            String table, long sequence, Instant at, Map<EntryKey, Change> changes, Set<String> touchedStates) {
        List<Integer> actionCounts = jdbc.queryForList(
                "SELECT action_count FROM confidence_table WHERE table_id = ? AND last_sequence < ?",
                Integer.class,
                table,
                sequence);
        if (actionCounts.isEmpty()) {
            return; // already applied, or a table this model never saw created
        }
        int actionCount = actionCounts.get(0);
        var totals = new TableTotals();
        var stateDeltas = new LinkedHashMap<String, StateDelta>();
        for (String state : touchedStates) {
            stateDeltas.put(state, new StateDelta());
        }
        var entryRows = new ArrayList<Object[]>(changes.size());
        Timestamp time = Timestamp.from(at);
        for (var entry : changes.entrySet()) {
            EntryKey key = entry.getKey();
            Change change = entry.getValue();
            double now = confidence.confidence(change.visits);
            StateDelta state = stateDeltas.get(key.state());
            totals.histogram[bucket(now)]++;
            totals.successes += change.successes;
            totals.failures += change.failures;
            if (change.visitsBefore <= 0) {
                totals.visited++;
                totals.confidenceSum += now;
                state.visitedActions++;
                state.confidenceSum += now;
            } else {
                double old = confidence.confidence(change.visitsBefore);
                totals.histogram[bucket(old)]--;
                totals.confidenceSum += now - old;
                state.confidenceSum += now - old;
            }
            entryRows.add(new Object[] {
                change.q, change.visits, now, change.successes, change.failures, time, table, key.state(), key.action()
            });
        }
        upsert(
                "UPDATE confidence_entry SET q = ?, visits = ?, confidence = ?, successes = successes + ?,"
                        + " failures = failures + ?, last_update_at = ? WHERE table_id = ? AND state = ? AND action = ?",
                "INSERT INTO confidence_entry (q, visits, confidence, successes, failures, last_update_at, table_id,"
                        + " state, action) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entryRows);
        var stateRows = new ArrayList<Object[]>(stateDeltas.size());
        for (var state : stateDeltas.entrySet()) {
            StateDelta delta = state.getValue();
            stateRows.add(new Object[] {
                delta.visitedActions, delta.confidenceSum, delta.confidenceSum, actionCount, table, state.getKey()
            });
        }
        totals.knownStates = upsert(
                "UPDATE confidence_state SET visited_actions = visited_actions + ?, confidence_sum = confidence_sum + ?,"
                        + " state_confidence = (confidence_sum + ?) / ? WHERE table_id = ? AND state = ?",
                "INSERT INTO confidence_state (visited_actions, confidence_sum, state_confidence, table_id, state)"
                        + " VALUES (?, ?, ?, ?, ?)",
                stateRows,
                row -> new Object[] {row[0], row[1], (double) row[2] / actionCount, row[4], row[5]});
        jdbc.update(
                "UPDATE confidence_table SET known_states = known_states + ?, visited_entries = visited_entries + ?,"
                        + " confidence_sum = confidence_sum + ?, successes = successes + ?, failures = failures + ?,"
                        + " h0 = h0 + ?, h1 = h1 + ?, h2 = h2 + ?, h3 = h3 + ?, h4 = h4 + ?, h5 = h5 + ?, h6 = h6 + ?,"
                        + " h7 = h7 + ?, h8 = h8 + ?, h9 = h9 + ?, last_sequence = ?, last_update_at = ?"
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
                sequence,
                time,
                table);
        live.changed(
                FetchTableConfidence.class, query -> query.tableId().value().equals(table), queries::handle);
    }

    private int upsert(String update, String insert, List<Object[]> rows) {
        return upsert(update, insert, rows, row -> row);
    }

    /** Batched updates, then batched inserts of the rows no update found; returns how many were inserted. */
    private int upsert(String update, String insert, List<Object[]> rows, UnaryOperator<Object[]> insertRow) {
        if (rows.isEmpty()) {
            return 0;
        }
        int[] updated = jdbc.batchUpdate(update, rows);
        var missing = new ArrayList<Object[]>();
        for (int i = 0; i < rows.size(); i++) {
            if (updated[i] == 0) {
                missing.add(insertRow.apply(rows.get(i)));
            }
        }
        if (!missing.isEmpty()) {
            jdbc.batchUpdate(insert, missing);
        }
        return missing.size();
    }

    private static long total(Map<String, Long> visitsByOrigin) {
        return visitsByOrigin.values().stream().mapToLong(Long::longValue).sum();
    }

    private record EntryKey(String state, String action) {}

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
        long knownStates;
        long visited;
        double confidenceSum;
        long successes;
        long failures;
    }
}
