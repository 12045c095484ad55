package io.qswarm.projections.merges;

import io.qswarm.intelligence.api.FetchMergeHistory;
import io.qswarm.intelligence.api.MergeCounts;
import io.qswarm.intelligence.api.MergeHistory;
import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.api.MergedEntry;
import io.qswarm.intelligence.api.QTableMerged;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every merge each table recorded: peer, round, strategy, exact counts, and how far the table and the peer were apart
 * on the merged entries before and after. Idempotent: a merge is keyed by its table and sequence number.
 */
@Component
@ProcessingGroup(MergeHistoryProjection.PROCESSING_GROUP)
public class MergeHistoryProjection {

    public static final String PROCESSING_GROUP = "merge-history";

    private final JdbcTemplate jdbc;

    public MergeHistoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(QTableMerged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        MergeCounts counts = event.counts();
        jdbc.update(
                "INSERT INTO merge_history (table_id, sequence_number, peer, round_id, strategy, added, updated,"
                        + " unchanged, rejected, divergence_before, divergence_after, merged_at)"
                        + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM (VALUES (1)) AS one(x) WHERE NOT EXISTS"
                        + " (SELECT 1 FROM merge_history WHERE table_id = ? AND sequence_number = ?)",
                event.tableId().value(),
                sequence,
                event.peer(),
                event.round(),
                event.strategy().name(),
                counts.added(),
                counts.updated(),
                counts.unchanged(),
                counts.rejected(),
                divergence(event.changes(), true),
                divergence(event.changes(), false),
                java.sql.Timestamp.from(at),
                event.tableId().value(),
                sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM merge_history");
    }

    @QueryHandler
    public MergeHistory handle(FetchMergeHistory query) {
        String table = query.tableId().value();
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM merge_history WHERE table_id = ?", Long.class, table);
        List<MergeHistory.Merge> merges = jdbc.query(
                "SELECT * FROM merge_history WHERE table_id = ? ORDER BY sequence_number DESC LIMIT ? OFFSET ?",
                (rs, row) -> new MergeHistory.Merge(
                        rs.getLong("sequence_number"),
                        rs.getString("peer"),
                        rs.getString("round_id"),
                        MergeStrategy.valueOf(rs.getString("strategy")),
                        new MergeCounts(
                                rs.getInt("added"),
                                rs.getInt("updated"),
                                rs.getInt("unchanged"),
                                rs.getInt("rejected")),
                        (Double) rs.getObject("divergence_before", Double.class),
                        (Double) rs.getObject("divergence_after", Double.class),
                        rs.getObject("merged_at", OffsetDateTime.class).toInstant()),
                table,
                query.size(),
                (long) query.page() * query.size());
        return new MergeHistory(query.tableId(), merges, query.page(), query.size(), total == null ? 0 : total);
    }

    /** Mean {@code |q − q_peer|} over the changed entries that record the peer's value, before or after the merge. */
    static Double divergence(List<MergedEntry> changes, boolean before) {
        double sum = 0;
        int n = 0;
        for (MergedEntry change : changes) {
            if (change.peerQ() != null) {
                sum += Math.abs((before ? change.qBefore() : change.qAfter()) - change.peerQ());
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }
}
