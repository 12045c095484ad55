package io.qswarm.projections.edge;

import io.qswarm.projections.edge.api.HalfLifeEstimate;
import io.qswarm.projections.edge.api.HalfLifeStatus;
import io.qswarm.projections.edge.api.MultiplierVector;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * The SQL of the edge-score read model (tables of V110__edge_score.sql and V111__edge_history_split.sql), shared by the
 * projection and the queries.
 */
final class EdgeStore {

    /** Every column but the history, which only the projection and the factor query need. */
    static final String ROW_COLUMNS = "pattern, category, regime, samples, positives, negatives, raw_edge, signal_sum,"
            + " first_t, last_t, m_recurrence, m_coherence, m_time, m_half_life, half_life_status, half_life,"
            + " decay_rate, edge_at_birth, fit_points, score, first_update_at, last_update_at";

    /** The open (newest) history bucket, kept in the row; null in a row migrated from V110 until its next batch. */
    static final String OPEN_COLUMNS = "open_bucket, open_t_sum, open_x_sum, open_n";

    private final JdbcTemplate jdbc;

    EdgeStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record TableState(double gamma, long episodeClock, long lastSequence) {}

    // ---- table guard and categories

    boolean createTable(String table, double gamma, long sequence, Instant at) {
        return jdbc.update(
                        "INSERT INTO edge_table (table_id, gamma, episode_clock, last_sequence, last_event_at)"
                                + " SELECT ?, ?, 0, ?, ? FROM (VALUES (1)) AS one(x)"
                                + " WHERE NOT EXISTS (SELECT 1 FROM edge_table WHERE table_id = ?)",
                        table,
                        gamma,
                        sequence,
                        java.sql.Timestamp.from(at),
                        table)
                == 1;
    }

    void saveCategories(String table, Map<String, String> categoryByAction) {
        jdbc.batchUpdate(
                "INSERT INTO edge_action_category (table_id, action, category) VALUES (?, ?, ?)",
                categoryByAction.entrySet().stream()
                        .map(e -> new Object[] {table, e.getKey(), e.getValue()})
                        .toList());
    }

    Optional<TableState> table(String table) {
        return jdbc
                .query(
                        "SELECT gamma, episode_clock, last_sequence FROM edge_table WHERE table_id = ?",
                        (rs, row) -> new TableState(
                                rs.getDouble("gamma"), rs.getLong("episode_clock"), rs.getLong("last_sequence")),
                        table)
                .stream()
                .findFirst();
    }

    boolean exists(String table) {
        return table(table).isPresent();
    }

    /** Writes a table's guard and clock after a batch: the last sequence applied and the episodes counted. */
    void saveTable(String table, TableState state, Instant lastEventAt) {
        jdbc.update(
                "UPDATE edge_table SET episode_clock = ?, last_sequence = ?, last_event_at = ? WHERE table_id = ?",
                state.episodeClock(),
                state.lastSequence(),
                java.sql.Timestamp.from(lastEventAt),
                table);
    }

    Map<String, String> categories(String table) {
        var out = new HashMap<String, String>();
        jdbc.query(
                "SELECT action, category FROM edge_action_category WHERE table_id = ?",
                rs -> {
                    out.put(rs.getString("action"), rs.getString("category"));
                },
                table);
        return out;
    }

    // ---- rows

    /**
     * The stored rows of the given keys, with their open buckets but not their closed ones ({@link
     * #loadClosedHistories}). The keys arrive as a {@code VALUES} list joined on the primary key, so both H2 and
     * PostgreSQL look each one up by index: the cost follows the batch, never the table.
     */
    Map<EdgeKey, EdgeRow> rows(String table, Collection<EdgeKey> keys) {
        var out = new HashMap<EdgeKey, EdgeRow>();
        for (List<EdgeKey> chunk : chunks(keys)) {
            var args = new ArrayList<Object>(chunk.size() * 3 + 1);
            for (EdgeKey key : chunk) {
                args.add(key.pattern());
                args.add(key.category());
                args.add(key.regime());
            }
            args.add(table);
            jdbc.query(
                    "SELECT " + qualified("e", ROW_COLUMNS) + ", " + qualified("e", OPEN_COLUMNS) + " FROM (VALUES "
                            + tuples(chunk.size(), 3) + ") AS k(pattern, category, regime) JOIN edge_score e"
                            + " ON e.table_id = ? AND e.pattern = k.pattern AND e.category = k.category"
                            + " AND e.regime = k.regime",
                    rs -> {
                        EdgeRow row = row(rs);
                        readOpen(rs, row);
                        out.put(row.key, row);
                    },
                    args.toArray());
        }
        return out;
    }

    /** Reads the closed buckets of the given stored rows (empty when {@code edge_history} has none for a row). */
    void loadClosedHistories(String table, Collection<EdgeRow> rows) {
        var byKey = new HashMap<EdgeKey, EdgeRow>();
        for (EdgeRow row : rows) {
            row.closed = new EdgeHistory();
            byKey.put(row.key, row);
        }
        for (List<EdgeKey> chunk : chunks(byKey.keySet())) {
            var args = new ArrayList<Object>(chunk.size() * 3 + 1);
            for (EdgeKey key : chunk) {
                args.add(key.pattern());
                args.add(key.category());
                args.add(key.regime());
            }
            args.add(table);
            jdbc.query(
                    "SELECT h.pattern, h.category, h.regime, h.history FROM (VALUES " + tuples(chunk.size(), 3)
                            + ") AS k(pattern, category, regime) JOIN edge_history h ON h.table_id = ?"
                            + " AND h.pattern = k.pattern AND h.category = k.category AND h.regime = k.regime",
                    rs -> {
                        EdgeRow row = byKey.get(
                                new EdgeKey(rs.getString("pattern"), rs.getString("category"), rs.getString("regime")));
                        row.closed = EdgeHistory.decode(rs.getString("history"));
                        row.closedStored = true;
                    },
                    args.toArray());
        }
    }

    /** One row with its whole history loaded, or empty. */
    Optional<EdgeRow> row(String table, EdgeKey key) {
        Optional<EdgeRow> found = rows(table, List.of(key)).values().stream().findFirst();
        found.ifPresent(row -> loadClosedHistories(table, List.of(row)));
        return found;
    }

    private static void readOpen(ResultSet rs, EdgeRow row) throws SQLException {
        long bucket = rs.getLong("open_bucket");
        row.open = !rs.wasNull();
        if (row.open) {
            row.openBucket = bucket;
            row.openTSum = rs.getDouble("open_t_sum");
            row.openXSum = rs.getDouble("open_x_sum");
            row.openCount = rs.getLong("open_n");
        }
    }

    static EdgeRow row(ResultSet rs) throws SQLException {
        var row = new EdgeRow(
                new EdgeKey(rs.getString("pattern"), rs.getString("category"), rs.getString("regime")), true);
        row.samples = rs.getLong("samples");
        row.positives = rs.getLong("positives");
        row.negatives = rs.getLong("negatives");
        row.rawEdge = rs.getDouble("raw_edge");
        row.signalSum = rs.getDouble("signal_sum");
        row.firstT = rs.getDouble("first_t");
        row.lastT = rs.getDouble("last_t");
        row.multipliers = new MultiplierVector(
                rs.getDouble("m_recurrence"),
                rs.getDouble("m_coherence"),
                rs.getDouble("m_time"),
                rs.getDouble("m_half_life"));
        row.halfLife = new HalfLifeEstimate(
                HalfLifeStatus.valueOf(rs.getString("half_life_status")),
                rs.getObject("half_life", Double.class),
                rs.getObject("decay_rate", Double.class),
                rs.getObject("edge_at_birth", Double.class),
                rs.getInt("fit_points"));
        row.score = rs.getDouble("score");
        row.firstUpdateAt = instant(rs, "first_update_at");
        row.lastUpdateAt = instant(rs, "last_update_at");
        return row;
    }

    void saveRows(String table, Collection<EdgeRow> rows) {
        var updates = new ArrayList<Object[]>();
        var inserts = new ArrayList<Object[]>();
        var historyUpdates = new ArrayList<Object[]>();
        var historyInserts = new ArrayList<Object[]>();
        for (EdgeRow row : rows) {
            var values = new ArrayList<Object>(List.of(
                    row.samples,
                    row.positives,
                    row.negatives,
                    row.rawEdge,
                    row.signalSum,
                    row.firstT,
                    row.lastT,
                    row.multipliers.recurrence(),
                    row.multipliers.coherence(),
                    row.multipliers.timeEfficiency(),
                    row.multipliers.halfLife(),
                    row.halfLife.status().name(),
                    nullableDouble(row.halfLife.halfLife()),
                    nullableDouble(row.halfLife.decayRate()),
                    nullableDouble(row.halfLife.edgeAtBirth()),
                    row.halfLife.points(),
                    row.score,
                    nullableLong(row.open ? row.openBucket : null),
                    nullableDouble(row.open ? row.openTSum : null),
                    nullableDouble(row.open ? row.openXSum : null),
                    nullableLong(row.open ? row.openCount : null),
                    java.sql.Timestamp.from(row.lastUpdateAt)));
            if (row.closedChanged && (row.closedStored || row.closed.size() > 0)) {
                (row.closedStored ? historyUpdates : historyInserts).add(new Object[] {
                    row.closed.encode(), table, row.key.pattern(), row.key.category(), row.key.regime()
                });
            }
            if (row.stored) {
                values.addAll(List.of(table, row.key.pattern(), row.key.category(), row.key.regime()));
                updates.add(values.toArray());
            } else {
                values.add(java.sql.Timestamp.from(row.firstUpdateAt));
                values.addAll(List.of(table, row.key.pattern(), row.key.category(), row.key.regime()));
                inserts.add(values.toArray());
            }
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate(
                    "UPDATE edge_score SET samples = ?, positives = ?, negatives = ?, raw_edge = ?, signal_sum = ?,"
                            + " first_t = ?, last_t = ?, m_recurrence = ?, m_coherence = ?, m_time = ?,"
                            + " m_half_life = ?, half_life_status = ?, half_life = ?, decay_rate = ?,"
                            + " edge_at_birth = ?, fit_points = ?, score = ?, open_bucket = ?, open_t_sum = ?,"
                            + " open_x_sum = ?, open_n = ?, last_update_at = ?"
                            + " WHERE table_id = ? AND pattern = ? AND category = ? AND regime = ?",
                    updates);
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT INTO edge_score (samples, positives, negatives, raw_edge, signal_sum, first_t, last_t,"
                            + " m_recurrence, m_coherence, m_time, m_half_life, half_life_status, half_life,"
                            + " decay_rate, edge_at_birth, fit_points, score, open_bucket, open_t_sum, open_x_sum, open_n,"
                            + " last_update_at, first_update_at, table_id, pattern, category, regime)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    inserts);
        }
        if (!historyUpdates.isEmpty()) {
            jdbc.batchUpdate(
                    "UPDATE edge_history SET history = ? WHERE table_id = ? AND pattern = ? AND category = ?"
                            + " AND regime = ?",
                    historyUpdates);
        }
        if (!historyInserts.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT INTO edge_history (history, table_id, pattern, category, regime) VALUES (?, ?, ?, ?, ?)",
                    historyInserts);
        }
    }

    // ---- factor series

    /**
     * The {@code limit} rows of one (category, regime) with the most samples, with their outcome series: the group's
     * rows come off the (table_id, category, regime) index and are sorted by samples here (V112).
     */
    List<PatternSeries> series(String table, String category, String regime, int limit) {
        return jdbc.query(
                "SELECT e.pattern, e.samples, e.score, " + qualified("e", OPEN_COLUMNS) + ", h.history"
                        + " FROM edge_score e LEFT JOIN edge_history h ON h.table_id = e.table_id"
                        + " AND h.pattern = e.pattern AND h.category = e.category AND h.regime = e.regime"
                        + " WHERE e.table_id = ? AND e.category = ? AND e.regime = ?"
                        + " ORDER BY e.table_id, e.category, e.regime, e.samples DESC, e.pattern LIMIT ?",
                (rs, i) -> {
                    var row = new EdgeRow(new EdgeKey(rs.getString("pattern"), category, regime), true);
                    readOpen(rs, row);
                    row.closed = EdgeHistory.decode(rs.getString("history"));
                    return new PatternSeries(
                            row.key.pattern(),
                            rs.getLong("samples"),
                            rs.getDouble("score"),
                            row.history().meanSignals());
                },
                table,
                category,
                regime,
                limit);
    }

    // ---- regime statistics

    /** The stored statistics of the given keys (looked up by primary key, like {@link #rows}). */
    Map<RegimeKey, RegimeStatistics> statistics(String table, Collection<RegimeKey> keys) {
        var out = new HashMap<RegimeKey, RegimeStatistics>();
        for (List<RegimeKey> chunk : chunks(keys)) {
            var args = new ArrayList<Object>(chunk.size() * 2 + 1);
            for (RegimeKey key : chunk) {
                args.add(key.regime());
                args.add(key.category());
            }
            args.add(table);
            jdbc.query(
                    "SELECT s.* FROM (VALUES " + tuples(chunk.size(), 2) + ") AS k(regime, category)"
                            + " JOIN edge_regime_stats s ON s.table_id = ? AND s.regime = k.regime"
                            + " AND s.category = k.category",
                    rs -> {
                        out.put(new RegimeKey(rs.getString("regime"), rs.getString("category")), statistics(rs));
                    },
                    args.toArray());
        }
        return out;
    }

    /** Every statistics row of a table, ordered by regime and category. */
    Map<RegimeKey, RegimeStatistics> allStatistics(String table) {
        var out = new TreeMap<RegimeKey, RegimeStatistics>(REGIME_ORDER);
        jdbc.query(
                "SELECT * FROM edge_regime_stats WHERE table_id = ?",
                rs -> {
                    out.put(new RegimeKey(rs.getString("regime"), rs.getString("category")), statistics(rs));
                },
                table);
        return out;
    }

    static final java.util.Comparator<RegimeKey> REGIME_ORDER =
            java.util.Comparator.comparing(RegimeKey::regime).thenComparing(RegimeKey::category);

    private static RegimeStatistics statistics(ResultSet rs) throws SQLException {
        return new RegimeStatistics(
                rs.getLong("samples"),
                rs.getDouble("mean_z"),
                rs.getDouble("m2_z"),
                new double[] {
                    rs.getDouble("mean_rec"),
                    rs.getDouble("mean_coh"),
                    rs.getDouble("mean_time"),
                    rs.getDouble("mean_hl")
                },
                new double[] {
                    rs.getDouble("m2_rec"), rs.getDouble("m2_coh"), rs.getDouble("m2_time"), rs.getDouble("m2_hl")
                },
                new double[] {
                    rs.getDouble("co_rec"), rs.getDouble("co_coh"), rs.getDouble("co_time"), rs.getDouble("co_hl")
                });
    }

    /**
     * Writes the statistics of the touched (regime, category) keys, each with the time of the last event that touched
     * it; {@code newRows} counts the edge_score rows the batch created in each, added to its {@code pattern_rows}.
     */
    void saveStatistics(
            String table,
            Map<RegimeKey, RegimeStatistics> changed,
            Map<RegimeKey, Long> newRows,
            Collection<RegimeKey> stored,
            Map<RegimeKey, Instant> changedAt) {
        var updates = new ArrayList<Object[]>();
        var inserts = new ArrayList<Object[]>();
        for (var entry : changed.entrySet()) {
            RegimeStatistics s = entry.getValue();
            double[] mean = s.mean();
            double[] m2 = s.m2();
            double[] co = s.co();
            Object[] values = {
                newRows.getOrDefault(entry.getKey(), 0L),
                s.samples(),
                s.meanZ(),
                s.m2Z(),
                mean[0],
                mean[1],
                mean[2],
                mean[3],
                m2[0],
                m2[1],
                m2[2],
                m2[3],
                co[0],
                co[1],
                co[2],
                co[3],
                java.sql.Timestamp.from(changedAt.get(entry.getKey())),
                table,
                entry.getKey().regime(),
                entry.getKey().category()
            };
            (stored.contains(entry.getKey()) ? updates : inserts).add(values);
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate(
                    "UPDATE edge_regime_stats SET pattern_rows = pattern_rows + ?, samples = ?, mean_z = ?, m2_z = ?,"
                            + " mean_rec = ?, mean_coh = ?, mean_time = ?, mean_hl = ?, m2_rec = ?, m2_coh = ?,"
                            + " m2_time = ?, m2_hl = ?, co_rec = ?, co_coh = ?, co_time = ?, co_hl = ?, last_update_at = ?"
                            + " WHERE table_id = ? AND regime = ? AND category = ?",
                    updates);
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT INTO edge_regime_stats (pattern_rows, samples, mean_z, m2_z, mean_rec, mean_coh, mean_time,"
                            + " mean_hl, m2_rec, m2_coh, m2_time, m2_hl, co_rec, co_coh, co_time, co_hl, last_update_at,"
                            + " table_id, regime, category)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    inserts);
        }
    }

    void clear() {
        for (String name :
                List.of("edge_history", "edge_score", "edge_regime_stats", "edge_action_category", "edge_table")) {
            jdbc.update("DELETE FROM " + name);
        }
    }

    // ---- helpers

    /** Largest number of keys one lookup carries. */
    private static final int CHUNK = 300;

    private static <T> List<List<T>> chunks(Collection<T> values) {
        var all = new ArrayList<>(values);
        var out = new ArrayList<List<T>>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            out.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return out;
    }

    /** {@code (?, ?), (?, ?)}: {@code rows} tuples of {@code width} placeholders. */
    private static String tuples(int rows, int width) {
        String tuple = "(" + String.join(", ", java.util.Collections.nCopies(width, "?")) + ")";
        return String.join(", ", java.util.Collections.nCopies(rows, tuple));
    }

    private static String qualified(String alias, String columns) {
        var out = new ArrayList<String>();
        for (String column : columns.split(",")) {
            out.add(alias + "." + column.strip());
        }
        return String.join(", ", out);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static SqlParameterValue nullableDouble(Double value) {
        return new SqlParameterValue(Types.DOUBLE, value);
    }

    private static SqlParameterValue nullableLong(Long value) {
        return new SqlParameterValue(Types.BIGINT, value);
    }
}
