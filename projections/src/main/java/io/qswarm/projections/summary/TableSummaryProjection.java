package io.qswarm.projections.summary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qswarm.intelligence.api.ActionSpace;
import io.qswarm.intelligence.api.AppliedUpdate;
import io.qswarm.intelligence.api.ConfidencePolicy;
import io.qswarm.intelligence.api.ExplorationChanged;
import io.qswarm.intelligence.api.MergedEntry;
import io.qswarm.intelligence.api.QTableCreated;
import io.qswarm.intelligence.api.QTableMerged;
import io.qswarm.intelligence.api.QTableUpdated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps one summary row per table and one row per learned entry. Idempotent: each table row remembers the sequence
 * number of the last event applied, and an event at or below it is skipped, so redelivery changes nothing.
 */
@Component
@ProcessingGroup(TableSummaryProjection.PROCESSING_GROUP)
public class TableSummaryProjection {

    public static final String PROCESSING_GROUP = "table-summary";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ConfidencePolicy confidence;

    public TableSummaryProjection(JdbcTemplate jdbc, ObjectMapper json, ConfidencePolicy confidence) {
        this.jdbc = jdbc;
        this.json = json;
        this.confidence = confidence;
    }

    @EventHandler
    void on(QTableCreated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update(
                "INSERT INTO table_summary (table_id, agent_id, actions_json, rule, alpha, gamma, exploration_json,"
                        + " epsilon, episodes, updates, merges, last_sequence, last_event_at)"
                        + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ? FROM (VALUES (1)) AS one(x)"
                        + " WHERE NOT EXISTS (SELECT 1 FROM table_summary WHERE table_id = ?)",
                event.tableId().value(),
                event.agentId().value(),
                write(event.actions()),
                event.rule().name(),
                event.alpha(),
                event.gamma(),
                write(event.exploration()),
                event.epsilon(),
                sequence,
                java.sql.Timestamp.from(at),
                event.tableId().value());
    }

    @EventHandler
    void on(QTableUpdated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String table = event.tableId().value();
        int claimed = jdbc.update(
                "UPDATE table_summary SET epsilon = ?, episodes = ?, updates = updates + ?, last_sequence = ?,"
                        + " last_event_at = ? WHERE table_id = ? AND last_sequence < ?",
                event.epsilon(),
                event.episodes(),
                event.updates().size(),
                sequence,
                java.sql.Timestamp.from(at),
                table,
                sequence);
        if (claimed == 0) {
            return;
        }
        // the last update of each entry in the batch carries its final value and visits
        var finals = new LinkedHashMap<String, AppliedUpdate>();
        var ownCounts = new java.util.HashMap<String, Integer>();
        for (AppliedUpdate update : event.updates()) {
            String key = update.state().value() + '\u0000' + update.action();
            finals.put(key, update);
            ownCounts.merge(key, 1, Integer::sum);
        }
        var rows = new ArrayList<EntryRow>(finals.size());
        finals.forEach((key, update) -> rows.add(new EntryRow(
                update.state().value(),
                update.action(),
                update.newQ(),
                update.visits(),
                ownCounts.get(key),
                "{}",
                confidence.confidence(update.visits()),
                update.visits() - ownCounts.get(key)))); // each learning step adds one visit
        upsert(table, rows, LEARNED);
    }

    @EventHandler
    void on(QTableMerged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String table = event.tableId().value();
        int claimed = jdbc.update(
                "UPDATE table_summary SET merges = merges + 1, last_sequence = ?, last_event_at = ?"
                        + " WHERE table_id = ? AND last_sequence < ?",
                sequence,
                java.sql.Timestamp.from(at),
                table,
                sequence);
        if (claimed == 0 || event.changes().isEmpty()) {
            return;
        }
        var rows = new ArrayList<EntryRow>();
        for (MergedEntry change : event.changes()) {
            var peers = new TreeMap<>(change.visitsAfter());
            Long own = peers.remove(table);
            long visits = change.visitsAfter().values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            rows.add(new EntryRow(
                    change.state().value(),
                    change.action(),
                    change.qAfter(),
                    visits,
                    own == null ? 0L : own,
                    write(peers),
                    confidence.confidence(visits),
                    change.visitsBefore().values().stream()
                            .mapToLong(Long::longValue)
                            .sum()));
        }
        upsert(table, rows, MERGED);
    }

    @EventHandler
    void on(ExplorationChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update(
                "UPDATE table_summary SET exploration_json = ?, epsilon = ?, episodes = 0, last_sequence = ?,"
                        + " last_event_at = ? WHERE table_id = ? AND last_sequence < ?",
                write(event.exploration()),
                event.epsilon(),
                sequence,
                java.sql.Timestamp.from(at),
                event.tableId().value(),
                sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM table_entry");
        jdbc.update("DELETE FROM table_summary");
    }

    /**
     * An entry's new state. {@code ownVisits} is added to the stored own visits by a learning batch ({@link #LEARNED})
     * and replaces them, with the peer visits, after a merge ({@link #MERGED}).
     */
    private record EntryRow(
            String state,
            String action,
            double q,
            long visits,
            long ownVisits,
            String peerJson,
            double confidence,
            long visitsBefore) {}

    private static final String LEARNED = "UPDATE table_entry SET q = ?, visits = ?, own_visits = own_visits + ?,"
            + " confidence = ? WHERE table_id = ? AND state = ? AND action = ?";
    private static final String MERGED = "UPDATE table_entry SET q = ?, visits = ?, own_visits = ?,"
            + " peer_visits_json = ?, confidence = ? WHERE table_id = ? AND state = ? AND action = ?";

    /**
     * One batched update of the existing rows, then one batched insert of the rows the update did not find; then the
     * summary's counts and sums move by what changed: an inserted row adds an entry (and a state when its state is
     * new), its visits and its confidence; an updated row adds its visits and confidence minus those it had.
     */
    private void upsert(String table, List<EntryRow> rows, String update) {
        boolean merged = update.equals(MERGED);
        int[] updated = jdbc.batchUpdate(
                update,
                rows.stream()
                        .map(row -> merged
                                ? new Object[] {
                                    row.q(),
                                    row.visits(),
                                    row.ownVisits(),
                                    row.peerJson(),
                                    row.confidence(),
                                    table,
                                    row.state(),
                                    row.action()
                                }
                                : new Object[] {
                                    row.q(),
                                    row.visits(),
                                    row.ownVisits(),
                                    row.confidence(),
                                    table,
                                    row.state(),
                                    row.action()
                                })
                        .toList());
        var inserts = new ArrayList<Object[]>();
        var newStates = new java.util.TreeSet<String>();
        ActionSpace actions = null;
        long visitDelta = 0;
        double confidenceDelta = 0;
        for (int i = 0; i < rows.size(); i++) {
            EntryRow changed = rows.get(i);
            visitDelta += changed.visits() - (updated[i] == 0 ? 0 : changed.visitsBefore());
            confidenceDelta +=
                    changed.confidence() - (updated[i] == 0 ? 0 : confidence.confidence(changed.visitsBefore()));
            if (updated[i] == 0) {
                newStates.add(changed.state());
                actions = actions != null ? actions : actionsOf(table);
                EntryRow row = rows.get(i);
                inserts.add(new Object[] {
                    table,
                    row.state(),
                    row.action(),
                    actions.indexOf(row.action()),
                    row.q(),
                    row.visits(),
                    row.ownVisits(),
                    row.peerJson(),
                    row.confidence()
                });
            }
        }
        newStates.removeAll(knownStates(table, newStates));
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT INTO table_entry (table_id, state, action, action_index, q, visits, own_visits,"
                            + " peer_visits_json, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    inserts);
        }
        jdbc.update(
                "UPDATE table_summary SET entry_count = entry_count + ?, state_count = state_count + ?,"
                        + " visit_sum = visit_sum + ?, confidence_sum = confidence_sum + ? WHERE table_id = ?",
                inserts.size(),
                newStates.size(),
                visitDelta,
                confidenceDelta,
                table);
    }

    /** Which of {@code states} already have an entry of {@code table}: one query per 500 states. */
    private List<String> knownStates(String table, java.util.Collection<String> states) {
        var known = new ArrayList<String>();
        List<String> all = List.copyOf(states);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            var args = new ArrayList<Object>(List.of(table));
            args.addAll(chunk);
            known.addAll(jdbc.queryForList(
                    "SELECT DISTINCT state FROM table_entry WHERE table_id = ? AND state IN ("
                            + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")",
                    String.class,
                    args.toArray()));
        }
        return known;
    }

    private ActionSpace actionsOf(String table) {
        String actions =
                jdbc.queryForObject("SELECT actions_json FROM table_summary WHERE table_id = ?", String.class, table);
        return SummaryJson.actions(json, actions);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value instanceof Map<?, ?> map ? new TreeMap<>(map) : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write read-model JSON", e);
        }
    }
}
