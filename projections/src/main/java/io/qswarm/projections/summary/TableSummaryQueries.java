package io.qswarm.projections.summary;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qswarm.intelligence.api.ActionSpace;
import io.qswarm.intelligence.api.AgentId;
import io.qswarm.intelligence.api.EntryCursor;
import io.qswarm.intelligence.api.FetchGreedyPolicy;
import io.qswarm.intelligence.api.FetchQTableEntries;
import io.qswarm.intelligence.api.FetchQTableExport;
import io.qswarm.intelligence.api.FindQTableSummary;
import io.qswarm.intelligence.api.GreedyPolicy;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.ListQTables;
import io.qswarm.intelligence.api.QTableEntriesPage;
import io.qswarm.intelligence.api.QTableEntry;
import io.qswarm.intelligence.api.QTableExport;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.QTableList;
import io.qswarm.intelligence.api.QTableSummary;
import io.qswarm.intelligence.api.StateKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Answers the table queries from the table-summary read model. Unknown tables answer {@code null}. */
@Component
public class TableSummaryQueries {

    private static final String ENTRY_COLUMNS = "state, action, q, visits, own_visits, peer_visits_json, confidence";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public TableSummaryQueries(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @QueryHandler
    public QTableSummary handle(FindQTableSummary query) {
        String table = query.tableId().value();
        List<QTableSummary> found = jdbc.query(
                "SELECT s.* FROM table_summary s WHERE s.table_id = ?", // counts and sums kept by the projection
                (rs, row) -> new QTableSummary(
                        query.tableId(),
                        AgentId.of(rs.getString("agent_id")),
                        SummaryJson.actionList(json, rs.getString("actions_json")),
                        LearningRule.valueOf(rs.getString("rule")),
                        rs.getDouble("alpha"),
                        rs.getDouble("gamma"),
                        SummaryJson.exploration(json, rs.getString("exploration_json")),
                        rs.getDouble("epsilon"),
                        rs.getLong("episodes"),
                        rs.getLong("entry_count"),
                        rs.getLong("state_count"),
                        rs.getLong("visit_sum"),
                        rs.getLong("entry_count") == 0
                                ? 0.0
                                : rs.getDouble("confidence_sum") / rs.getLong("entry_count"),
                        rs.getLong("updates"),
                        rs.getLong("merges"),
                        instant(rs)),
                table);
        return found.isEmpty() ? null : found.get(0);
    }

    @QueryHandler
    public QTableList handle(ListQTables query) {
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM table_summary", Long.class);
        List<QTableList.Listing> tables = jdbc.query(
                "SELECT table_id, agent_id, rule, epsilon, episodes, updates, merges, last_event_at"
                        + " FROM table_summary ORDER BY table_id LIMIT ? OFFSET ?",
                (rs, row) -> new QTableList.Listing(
                        QTableId.of(rs.getString("table_id")),
                        AgentId.of(rs.getString("agent_id")),
                        LearningRule.valueOf(rs.getString("rule")),
                        rs.getDouble("epsilon"),
                        rs.getLong("episodes"),
                        rs.getLong("updates"),
                        rs.getLong("merges"),
                        instant(rs)),
                query.size(),
                (long) query.page() * query.size());
        return new QTableList(tables, query.page(), query.size(), total == null ? 0 : total);
    }

    /**
     * Ordered by {@code table_id, state, action_index} so that the {@code table_entry_order} index serves the order
     * (no sort of the whole table per page, V113); a cursor page reads from the index position after the cursor.
     */
    @QueryHandler
    public QTableEntriesPage handle(FetchQTableEntries query) {
        String table = query.tableId().value();
        if (!exists(table)) {
            return null;
        }
        String filter = query.state() == null ? "" : " AND state = ?";
        List<Object> args = new ArrayList<>(List.of(table));
        if (query.state() != null) {
            args.add(query.state().value());
        }
        Long total = query.after() != null
                ? null // a cursor page does not count
                : query.state() == null
                        ? jdbc.queryForObject(
                                "SELECT entry_count FROM table_summary WHERE table_id = ?", Long.class, table)
                        : jdbc.queryForObject(
                                "SELECT COUNT(*) FROM table_entry WHERE table_id = ?" + filter,
                                Long.class,
                                args.toArray());
        if (query.after() != null) {
            filter += " AND (state, action_index) > (?, ?)";
            args.add(query.after().state().value());
            args.add(query.after().actionIndex());
        }
        args.add(query.size());
        args.add((long) query.page() * query.size());
        var cursors = new ArrayList<EntryCursor>();
        RowMapper<QTableEntry> entries = entryMapper(table);
        List<QTableEntry> page = jdbc.query(
                "SELECT " + ENTRY_COLUMNS + ", action_index FROM table_entry WHERE table_id = ?" + filter
                        + " ORDER BY table_id, state, action_index LIMIT ? OFFSET ?",
                (rs, row) -> {
                    cursors.add(new EntryCursor(StateKey.of(rs.getString("state")), rs.getInt("action_index")));
                    return entries.mapRow(rs, row);
                },
                args.toArray());
        String next = page.size() < query.size()
                ? null
                : cursors.get(cursors.size() - 1).token();
        return new QTableEntriesPage(page, query.page(), query.size(), total, next);
    }

    @QueryHandler
    public QTableExport handle(FetchQTableExport query) {
        QTableSummary summary = handle(new FindQTableSummary(query.tableId()));
        if (summary == null) {
            return null;
        }
        return new QTableExport(
                QTableExport.FORMAT_VERSION,
                summary.tableId(),
                summary.agentId(),
                summary.actions(),
                summary.rule(),
                summary.alpha(),
                summary.gamma(),
                summary.epsilon(),
                allEntries(query.tableId().value()));
    }

    @QueryHandler
    public GreedyPolicy handle(FetchGreedyPolicy query) {
        String table = query.tableId().value();
        List<String> actions =
                jdbc.queryForList("SELECT actions_json FROM table_summary WHERE table_id = ?", String.class, table);
        if (actions.isEmpty()) {
            return null;
        }
        ActionSpace space = SummaryJson.actions(json, actions.get(0));
        var valuesByState = new LinkedHashMap<String, Map<String, Double>>();
        jdbc.query(
                "SELECT state, action, q FROM table_entry WHERE table_id = ? ORDER BY state",
                rs -> {
                    valuesByState
                            .computeIfAbsent(rs.getString("state"), s -> new HashMap<>())
                            .put(rs.getString("action"), rs.getDouble("q"));
                },
                table);
        var policy = new TreeMap<String, String>();
        valuesByState.forEach((state, values) -> policy.put(state, space.greedy(a -> values.getOrDefault(a, 0.0))));
        return new GreedyPolicy(query.tableId(), policy);
    }

    private List<QTableEntry> allEntries(String table) {
        return jdbc.query(
                "SELECT " + ENTRY_COLUMNS
                        + " FROM table_entry WHERE table_id = ? ORDER BY table_id, state, action_index",
                entryMapper(table),
                table);
    }

    private boolean exists(String table) {
        Integer count =
                jdbc.queryForObject("SELECT COUNT(*) FROM table_summary WHERE table_id = ?", Integer.class, table);
        return count != null && count > 0;
    }

    private RowMapper<QTableEntry> entryMapper(String table) {
        return (rs, row) -> {
            var origins = new TreeMap<>(SummaryJson.origins(json, rs.getString("peer_visits_json")));
            long own = rs.getLong("own_visits");
            if (own > 0) {
                origins.put(table, own);
            }
            return new QTableEntry(
                    StateKey.of(rs.getString("state")),
                    rs.getString("action"),
                    rs.getDouble("q"),
                    rs.getLong("visits"),
                    origins,
                    rs.getDouble("confidence"));
        };
    }

    private static java.time.Instant instant(ResultSet rs) throws SQLException {
        OffsetDateTime at = rs.getObject("last_event_at", OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
