package io.qswarm.projections.exploration;

import io.qswarm.intelligence.api.ExplorationChanged;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.QTableCreated;
import io.qswarm.intelligence.api.QTableUpdated;
import io.qswarm.projections.support.LiveUpdates;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The exploration read model: each table's current epsilon and schedule, and its epsilon timeline against episodes
 * and updates, downsampled deterministically for long runs: a point is kept every {@code stride} events and, when more
 * than {@link #MAX_POINTS} would be kept, every other one is dropped and the stride doubles. Schedule changes are
 * always kept. Replaying the same events gives the same timeline. Idempotent by the per-table sequence guard.
 */
@Component
@ProcessingGroup(ExplorationProjection.PROCESSING_GROUP)
public class ExplorationProjection {

    public static final String PROCESSING_GROUP = "exploration";

    /** Most regular points kept per table before the stride doubles. */
    public static final int MAX_POINTS = 256;

    private final JdbcTemplate jdbc;
    private final ExplorationQueries queries;
    private final LiveUpdates live;

    public ExplorationProjection(JdbcTemplate jdbc, ExplorationQueries queries, LiveUpdates live) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.live = live;
    }

    @EventHandler
    void on(QTableCreated event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        String table = event.tableId().value();
        ExplorationSchedule schedule = event.exploration();
        int created = jdbc.update(
                "INSERT INTO exploration_table (table_id, epsilon, schedule_kind, schedule_start, schedule_end,"
                        + " schedule_rate, schedule_steps, episodes, updates, batches, stride, points, last_sequence,"
                        + " last_update_at) SELECT ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 1, 1, ?, ? FROM (VALUES (1)) AS one(x)"
                        + " WHERE NOT EXISTS (SELECT 1 FROM exploration_table WHERE table_id = ?)",
                table,
                event.epsilon(),
                schedule.kind().name(),
                schedule.start(),
                schedule.end(),
                schedule.rate(),
                schedule.steps(),
                sequence,
                Timestamp.from(at),
                table);
        if (created == 1) {
            point(table, 0, 0, 0, event.epsilon(), true, at);
        }
    }

    @EventHandler
    void on(QTableUpdated event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        String table = event.tableId().value();
        List<long[]> claimed = claim(table, sequence);
        if (claimed.isEmpty()) {
            return;
        }
        long batch = claimed.get(0)[0] + 1;
        long stride = claimed.get(0)[1];
        long updates = claimed.get(0)[2] + event.updates().size();
        jdbc.update(
                "UPDATE exploration_table SET epsilon = ?, episodes = ?, updates = ?, batches = ?, last_sequence = ?,"
                        + " last_update_at = ? WHERE table_id = ?",
                event.epsilon(),
                event.episodes(),
                updates,
                batch,
                sequence,
                Timestamp.from(at),
                table);
        if (batch % stride == 0) {
            point(table, batch, event.episodes(), updates, event.epsilon(), false, at);
            thinIfFull(table, stride);
        }
        changed(table);
    }

    @EventHandler
    void on(
            ExplorationChanged event,
            @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        String table = event.tableId().value();
        List<long[]> claimed = claim(table, sequence);
        if (claimed.isEmpty()) {
            return;
        }
        long batch = claimed.get(0)[0] + 1;
        long updates = claimed.get(0)[2];
        ExplorationSchedule schedule = event.exploration();
        jdbc.update(
                "UPDATE exploration_table SET epsilon = ?, schedule_kind = ?, schedule_start = ?, schedule_end = ?,"
                        + " schedule_rate = ?, schedule_steps = ?, episodes = 0, batches = ?, last_sequence = ?,"
                        + " last_update_at = ? WHERE table_id = ?",
                event.epsilon(),
                schedule.kind().name(),
                schedule.start(),
                schedule.end(),
                schedule.rate(),
                schedule.steps(),
                batch,
                sequence,
                Timestamp.from(at),
                table);
        point(table, batch, 0, updates, event.epsilon(), true, at);
        changed(table);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM exploration_point");
        jdbc.update("DELETE FROM exploration_table");
    }

    /** The table's {batches, stride, updates} if this event is new to it, else nothing. */
    private List<long[]> claim(String table, long sequence) {
        return jdbc.query(
                "SELECT batches, stride, updates FROM exploration_table WHERE table_id = ? AND last_sequence < ?",
                (rs, row) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)},
                table,
                sequence);
    }

    private void point(
            String table, long batch, long episodes, long updates, double epsilon, boolean change, Instant at) {
        jdbc.update(
                "INSERT INTO exploration_point (table_id, batch, episodes, updates, epsilon, schedule_change,"
                        + " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                table,
                batch,
                episodes,
                updates,
                epsilon,
                change,
                Timestamp.from(at));
        jdbc.update("UPDATE exploration_table SET points = points + 1 WHERE table_id = ?", table);
    }

    /** Above {@link #MAX_POINTS} regular points: keep every other one and double the stride. */
    private void thinIfFull(String table, long stride) {
        Integer regular = jdbc.queryForObject(
                "SELECT COUNT(*) FROM exploration_point WHERE table_id = ? AND schedule_change = FALSE",
                Integer.class,
                table);
        if (regular == null || regular <= MAX_POINTS) {
            return;
        }
        long doubled = stride * 2;
        jdbc.update(
                "DELETE FROM exploration_point WHERE table_id = ? AND schedule_change = FALSE AND MOD(batch, ?) <> 0",
                table,
                doubled);
        jdbc.update(
                "UPDATE exploration_table SET stride = ?,"
                        + " points = (SELECT COUNT(*) FROM exploration_point p WHERE p.table_id = ?) WHERE table_id = ?",
                doubled,
                table,
                table);
    }

    private void changed(String table) {
        live.changed(FetchExploration.class, query -> query.tableId().value().equals(table), queries::handle);
    }
}
