package io.qswarm.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * The physical limit of the store for a given stream: its rows inserted verbatim into {@code domain_event_entry}
 * with plain JDBC (a prepared statement, auto-commit off) and nothing else: no command, no aggregate, no
 * serialization, no ORM, no sequence.
 */
final class RawInsert {

    /** A batched command commits exactly one event row, so the raw insert commits each row on its own too. */
    static final int ROWS_PER_COMMIT = 1;

    private static final String INSERT = "INSERT INTO domain_event_entry (global_index, sequence_number,"
            + " aggregate_identifier, event_identifier, payload_revision, payload_type, time_stamp, type, meta_data,"
            + " payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private RawInsert() {}

    /** Inserts the rows in order, {@value #ROWS_PER_COMMIT} per commit, timing each commit. */
    static StreamTiming insert(H2Store store, List<StoredEvents.Row> rows, int chunks) {
        var timing = new StreamTiming.Recorder(rows.size(), chunks);
        try (Connection connection = store.connect();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            connection.setAutoCommit(false);
            for (int from = 0; from < rows.size(); from += ROWS_PER_COMMIT) {
                List<StoredEvents.Row> batch = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_COMMIT));
                long start = System.nanoTime();
                for (StoredEvents.Row row : batch) {
                    bind(insert, row);
                    insert.addBatch();
                }
                int[] inserted = insert.executeBatch();
                connection.commit();
                long nanos = System.nanoTime() - start;
                for (int i = 0; i < batch.size(); i++) {
                    if (inserted[i] != 1) {
                        throw new IllegalStateException("row " + batch.get(i).eventIdentifier() + " not inserted");
                    }
                    // the commit's time, shared out exactly among its rows
                    long share = nanos * (i + 1) / batch.size() - nanos * i / batch.size();
                    timing.written(batch.get(i).updates(), share);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("raw insert into " + store + " failed", e);
        }
        return timing.finish();
    }

    private static void bind(PreparedStatement insert, StoredEvents.Row row) throws SQLException {
        insert.setLong(1, row.globalIndex());
        insert.setLong(2, row.sequenceNumber());
        insert.setString(3, row.aggregateIdentifier());
        insert.setString(4, row.eventIdentifier());
        insert.setString(5, row.payloadRevision());
        insert.setString(6, row.payloadType());
        insert.setString(7, row.timeStamp());
        insert.setString(8, row.type());
        if (row.metaData() == null) {
            insert.setNull(9, Types.BLOB);
        } else {
            insert.setBytes(9, row.metaData());
        }
        insert.setBytes(10, row.payload());
    }
}
