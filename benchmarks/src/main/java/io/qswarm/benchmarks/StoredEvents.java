package io.qswarm.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.QTableUpdated;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads back what a phase left in a store: the {@link QTableUpdated} rows of one table in {@code domain_event_entry},
 * as stored, and their totals. Figures a benchmark reports about bytes come from here, not from what it meant to
 * write.
 */
final class StoredEvents {

    static final String UPDATED_TYPE = QTableUpdated.class.getName();

    private static final JsonFactory JSON = new JsonFactory();

    /** One {@code domain_event_entry} row, byte for byte, and the number of updates its payload holds. */
    record Row(
            long globalIndex,
            long sequenceNumber,
            String aggregateIdentifier,
            String eventIdentifier,
            String payloadRevision,
            String payloadType,
            String timeStamp,
            String type,
            byte[] metaData,
            byte[] payload,
            int updates) {

        long bytes() {
            return payload.length + (metaData == null ? 0 : metaData.length);
        }
    }

    /**
     * What a store holds for one table.
     *
     * @param events {@link QTableUpdated} rows
     * @param bytes payload and metadata bytes of those rows
     */
    record Totals(long events, long bytes) {}

    private StoredEvents() {}

    static List<Row> updates(H2Store store, QTableId table) {
        var rows = new ArrayList<Row>();
        try (Connection connection = store.connect();
                PreparedStatement select = connection.prepareStatement("SELECT global_index, sequence_number,"
                        + " aggregate_identifier, event_identifier, payload_revision, payload_type, time_stamp, type,"
                        + " meta_data, payload FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND payload_type = ? ORDER BY sequence_number")) {
            select.setString(1, table.value());
            select.setString(2, UPDATED_TYPE);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    byte[] payload = result.getBytes(10);
                    rows.add(new Row(
                            result.getLong(1),
                            result.getLong(2),
                            result.getString(3),
                            result.getString(4),
                            result.getString(5),
                            result.getString(6),
                            result.getString(7),
                            result.getString(8),
                            result.getBytes(9),
                            payload,
                            updatesIn(payload)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the events of " + table + " from " + store, e);
        }
        return rows;
    }

    static Totals totals(H2Store store, QTableId table) {
        try (Connection connection = store.connect();
                PreparedStatement select = connection.prepareStatement("SELECT COUNT(*),"
                        + " COALESCE(SUM(OCTET_LENGTH(payload) + COALESCE(OCTET_LENGTH(meta_data), 0)), 0)"
                        + " FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?")) {
            select.setString(1, table.value());
            select.setString(2, UPDATED_TYPE);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return new Totals(result.getLong(1), result.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the events of " + table + " in " + store, e);
        }
    }

    /** Counts the entries of the {@code updates} array of a serialized {@link QTableUpdated} without binding it. */
    static int updatesIn(byte[] payload) {
        try (JsonParser parser = JSON.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("a QTableUpdated payload is a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("updates".equals(field) && value == JsonToken.START_ARRAY) {
                    int count = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        parser.skipChildren();
                        count++;
                    }
                    return count;
                }
                parser.skipChildren();
            }
            throw new IllegalArgumentException("the payload has no updates array");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
