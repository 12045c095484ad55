package io.qswarm.projections.exploration;

import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.projections.exploration.ExplorationTimeline.EpsilonPoint;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers {@link FetchExploration} from the exploration read model. Unknown tables answer {@code null}. */
@Component
public class ExplorationQueries {

    private final JdbcTemplate jdbc;

    public ExplorationQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public ExplorationTimeline handle(FetchExploration query) {
        String table = query.tableId().value();
        List<ExplorationTimeline> found = jdbc.query(
                "SELECT * FROM exploration_table WHERE table_id = ?",
                (rs, row) -> {
                    var points = new ArrayList<>(points(table));
                    long batches = rs.getLong("batches");
                    Instant last = instant(rs, "last_update_at");
                    if (points.isEmpty() || points.get(points.size() - 1).batch() < batches) {
                        points.add(new EpsilonPoint(
                                batches,
                                rs.getLong("episodes"),
                                rs.getLong("updates"),
                                rs.getDouble("epsilon"),
                                false,
                                last));
                    }
                    return new ExplorationTimeline(
                            query.tableId(),
                            rs.getDouble("epsilon"),
                            new ExplorationSchedule(
                                    ExplorationSchedule.Kind.valueOf(rs.getString("schedule_kind")),
                                    rs.getDouble("schedule_start"),
                                    rs.getDouble("schedule_end"),
                                    rs.getDouble("schedule_rate"),
                                    rs.getLong("schedule_steps")),
                            rs.getLong("episodes"),
                            rs.getLong("updates"),
                            batches,
                            rs.getLong("stride"),
                            List.copyOf(points),
                            last);
                },
                table);
        return found.isEmpty() ? null : found.get(0);
    }

    private List<EpsilonPoint> points(String table) {
        return jdbc.query(
                "SELECT batch, episodes, updates, epsilon, schedule_change, recorded_at FROM exploration_point"
                        + " WHERE table_id = ? ORDER BY batch",
                (rs, row) -> new EpsilonPoint(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getDouble(4),
                        rs.getBoolean(5),
                        instant(rs, "recorded_at")),
                table);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
