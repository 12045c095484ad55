package io.qswarm.projections.confidence;

import io.qswarm.intelligence.api.QTableId;
import io.qswarm.projections.confidence.ConfidenceEntriesPage.EntryConfidence;
import io.qswarm.projections.confidence.TableConfidence.ConfidenceBucket;
import io.qswarm.projections.confidence.TableConfidence.StateConfidence;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers the confidence queries from the confidence read model. Unknown tables answer {@code null}. */
@Component
public class ConfidenceQueries {

    private final JdbcTemplate jdbc;

    public ConfidenceQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public TableConfidence handle(FetchTableConfidence query) {
        String table = query.tableId().value();
        List<TableConfidence> found =
                jdbc.query("SELECT * FROM confidence_table WHERE table_id = ?", (rs, row) -> summary(query, rs), table);
        return found.isEmpty() ? null : found.get(0);
    }

    @QueryHandler
    public ConfidenceEntriesPage handle(FetchConfidenceEntries query) {
        String table = query.tableId().value();
        Integer known =
                jdbc.queryForObject("SELECT COUNT(*) FROM confidence_table WHERE table_id = ?", Integer.class, table);
        if (known == null || known == 0) {
            return null;
        }
        var where = new StringBuilder(" WHERE table_id = ?");
        var args = new ArrayList<Object>(List.of(table));
        if (query.state() != null) {
            where.append(" AND state = ?");
            args.add(query.state());
        }
        if (query.action() != null) {
            where.append(" AND action = ?");
            args.add(query.action());
        }
        if (query.minConfidence() != null) {
            where.append(" AND confidence >= ?");
            args.add(query.minConfidence());
        }
        if (query.maxConfidence() != null) {
            where.append(" AND confidence <= ?");
            args.add(query.maxConfidence());
        }
        Long total = query.state() == null && query.action() == null
                ? countBetween(table, query.minConfidence(), query.maxConfidence()) // a sum over a few values
                : jdbc.queryForObject("SELECT COUNT(*) FROM confidence_entry" + where, Long.class, args.toArray());
        var pageArgs = new ArrayList<>(args);
        pageArgs.add(query.size());
        pageArgs.add((long) query.page() * query.size());
        List<EntryConfidence> entries = jdbc.query(
                "SELECT state, action, q, visits, confidence, successes, failures, last_update_at"
                        + " FROM confidence_entry" + where
                        + " ORDER BY table_id, confidence, state, action LIMIT ? OFFSET ?", // read in index order
                (rs, row) -> new EntryConfidence(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getDouble(3),
                        rs.getLong(4),
                        rs.getDouble(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        instant(rs, 8)),
                pageArgs.toArray());
        return new ConfidenceEntriesPage(
                query.tableId(), query.page(), query.size(), total == null ? 0 : total, entries);
    }

    private TableConfidence summary(FetchTableConfidence query, ResultSet rs) throws SQLException {
        int actions = rs.getInt("action_count");
        long states = rs.getLong("known_states");
        long visited = rs.getLong("visited_entries");
        double sum = rs.getDouble("confidence_sum");
        long known = states * actions;
        var histogram = new ArrayList<ConfidenceBucket>(ConfidenceProjection.BUCKETS);
        for (int b = 0; b < ConfidenceProjection.BUCKETS; b++) {
            long entries = rs.getLong("h" + b) + (b == 0 ? Math.max(0, known - visited) : 0);
            histogram.add(new ConfidenceBucket(
                    b / (double) ConfidenceProjection.BUCKETS,
                    (b + 1) / (double) ConfidenceProjection.BUCKETS,
                    entries));
        }
        return new TableConfidence(
                query.tableId(),
                actions,
                states,
                known,
                visited,
                known == 0 ? 0.0 : visited / (double) known,
                known == 0 ? 0.0 : sum / known,
                visited == 0 ? 0.0 : sum / visited,
                histogram,
                leastConfident(query.tableId(), query.leastConfidentStates()),
                rs.getLong("successes"),
                rs.getLong("failures"),
                instant(rs, rs.findColumn("last_update_at")));
    }

    /**
     * The exact number of entries with {@code min ≤ confidence ≤ max} (a null bound is open), from the count of
     * entries per confidence value (V115): a table has few distinct values, so this sums a few rows instead of
     * counting every entry in the range.
     */
    private long countBetween(String table, Double min, Double max) {
        Long total = jdbc.queryForObject(
                "SELECT COALESCE(SUM(entries), 0) FROM confidence_value WHERE table_id = ?"
                        + (min == null ? "" : " AND confidence >= ?")
                        + (max == null ? "" : " AND confidence <= ?"),
                Long.class,
                java.util.stream.Stream.of(table, min, max)
                        .filter(java.util.Objects::nonNull)
                        .toArray());
        return total == null ? 0 : total;
    }

    private List<StateConfidence> leastConfident(QTableId table, int limit) {
        if (limit == 0) {
            return List.of();
        }
        return jdbc.query(
                "SELECT state, state_confidence, visited_actions FROM confidence_state WHERE table_id = ?"
                        + " ORDER BY table_id, state_confidence, state LIMIT ?", // read in index order (V102)
                (rs, row) -> new StateConfidence(rs.getString(1), rs.getDouble(2), rs.getInt(3)),
                table.value(),
                limit);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
