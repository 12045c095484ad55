package io.qswarm.audit;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qswarm.infra.axon.QSwarmSerializers;
import io.qswarm.intelligence.api.QTableUpdated;
import io.qswarm.intelligence.integrity.HashChain;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Reads {@code QTable} events straight from Axon's {@code domain_event_entry} table in global order, with plain JDBC
 * and a large fetch size, and deserializes payloads with the storage mapper into the api records (the
 * {@code payload_type} column names the class). A payload that cannot be read is handed on with the reason, so the
 * audit reports its position instead of stopping.
 */
public final class StoreReader {

    /** Axon's aggregate type of the events the audit replays. */
    public static final String AGGREGATE_TYPE = "QTable";

    private static final int FETCH_SIZE = 1_000;

    private final DataSource dataSource;
    private final ObjectMapper mapper = fastMapper();
    private final Map<String, Class<?>> types = new ConcurrentHashMap<>();
    private final UpdatedEventParser updatedParser = new UpdatedEventParser();

    public StoreReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The storage mapper with Jackson's fast double parser (FastDoubleParser: correctly rounded, so every double reads
     * back bit for bit, several times faster than {@code Double.parseDouble} on 17-digit values).
     */
    private static ObjectMapper fastMapper() {
        ObjectMapper mapper = QSwarmSerializers.storageMapper();
        mapper.enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER.mappedFeature());
        return mapper;
    }

    /** Number of events {@link #read} would visit (for progress display). */
    public long count(String tableId, ReplayLimit limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, "COUNT(*)", tableId, limit, false);
                ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count events: " + e.getMessage(), e);
        }
    }

    /** Table ids in order of creation. */
    public java.util.List<String> tableIds() {
        var ids = new java.util.ArrayList<String>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT aggregate_identifier FROM domain_event_entry WHERE type = ?"
                                + " GROUP BY aggregate_identifier ORDER BY MIN(global_index)"); ) {
            statement.setString(1, AGGREGATE_TYPE);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list tables: " + e.getMessage(), e);
        }
        return ids;
    }

    /**
     * Streams the events of one table (or every table when {@code tableId} is null) up to the limit's global
     * position, in global order. Three stages overlap: this thread reads rows, a pool deserializes payloads, and one
     * consumer thread hands the events to {@code into} strictly in order, so {@code into} needs no synchronization.
     */
    public void read(String tableId, ReplayLimit limit, Consumer<StoredEvent> into) {
        String columns = "global_index, aggregate_identifier, sequence_number, time_stamp, payload_type, payload,"
                + " meta_data";
        int workers = Math.max(2, Runtime.getRuntime().availableProcessors());
        ExecutorService parsers = Executors.newFixedThreadPool(workers, daemon("audit-parse"));
        var queue = new ArrayBlockingQueue<Future<StoredEvent>>(QUEUE_DEPTH);
        var failure = new AtomicReference<Throwable>();
        Thread consumer = daemon("audit-verify").newThread(() -> {
            try {
                while (true) {
                    Future<StoredEvent> next = queue.take();
                    if (next == END) {
                        return;
                    }
                    into.accept(next.get());
                }
            } catch (Throwable e) {
                failure.compareAndSet(null, e instanceof ExecutionException ? e.getCause() : e);
                queue.clear();
            }
        });
        consumer.start();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            // some drivers (PostgreSQL) stream only inside a transaction
            connection.setAutoCommit(false);
            try (PreparedStatement statement = prepare(connection, columns, tableId, limit, true);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next() && failure.get() == null) {
                    Row row = new Row(
                            rows.getLong(1),
                            rows.getString(2),
                            rows.getLong(3),
                            rows.getString(4),
                            rows.getString(5),
                            rows.getBytes(6),
                            rows.getBytes(7));
                    put(queue, parsers.submit(() -> event(row)), failure);
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
            put(queue, END, failure);
            consumer.join();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event store: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event store", e);
        } finally {
            consumer.interrupt();
            parsers.shutdownNow();
        }
        Throwable failed = failure.get();
        if (failed instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failed instanceof Error error) {
            throw error;
        }
        if (failed != null) {
            throw new IllegalStateException(failed.getMessage(), failed);
        }
    }

    private static final int QUEUE_DEPTH = 64;
    private static final ThreadLocal<HashChain> CHAINS = ThreadLocal.withInitial(HashChain::new);
    private static final java.util.regex.Pattern HEX_DIGITS = java.util.regex.Pattern.compile("[0-9a-f]{64}");
    private static final Future<StoredEvent> END = java.util.concurrent.CompletableFuture.completedFuture(null);

    private static void put(
            ArrayBlockingQueue<Future<StoredEvent>> queue, Future<StoredEvent> next, AtomicReference<Throwable> failure)
            throws InterruptedException {
        while (failure.get() == null) {
            if (queue.offer(next, 100, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            var thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One row as read, before deserialization. */
    private record Row(
            long globalIndex,
            String table,
            long sequence,
            String timestamp,
            String type,
            byte[] payload,
            byte[] metaData) {}

    private PreparedStatement prepare(
            Connection connection, String columns, String tableId, ReplayLimit limit, boolean ordered)
            throws SQLException {
        var sql = new StringBuilder("SELECT ").append(columns).append(" FROM domain_event_entry WHERE type = ?");
        if (tableId != null) {
            sql.append(" AND aggregate_identifier = ?");
        }
        if (limit.maxGlobalIndex() != null) {
            sql.append(" AND global_index <= ?");
        }
        if (ordered) {
            sql.append(" ORDER BY global_index");
        }
        PreparedStatement statement = connection.prepareStatement(sql.toString());
        statement.setFetchSize(FETCH_SIZE);
        int parameter = 1;
        statement.setString(parameter++, AGGREGATE_TYPE);
        if (tableId != null) {
            statement.setString(parameter++, tableId);
        }
        if (limit.maxGlobalIndex() != null) {
            statement.setLong(parameter, limit.maxGlobalIndex());
        }
        return statement;
    }

    private StoredEvent event(Row row) {
        Instant timestamp = Instant.parse(row.timestamp());
        Map<String, String> metadata = metadata(row.metaData());
        try {
            Class<?> payloadType = type(row.type());
            Object value = payloadType == QTableUpdated.class
                    ? updatedParser.parse(row.payload())
                    : mapper.readValue(row.payload(), payloadType);
            String previous = metadata.get(HashChain.PREVIOUS);
            String linked = previous == null
                            || previous.length() != 64
                            || !HEX_DIGITS.matcher(previous).matches()
                    ? null
                    : CHAINS.get().link(previous, value);
            return new StoredEvent(
                    row.globalIndex(), row.table(), row.sequence(), timestamp, value, metadata, null, linked);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            String reason = "unreadable " + row.type() + " payload: " + firstLine(e.getMessage());
            return new StoredEvent(row.globalIndex(), row.table(), row.sequence(), timestamp, null, metadata, reason);
        }
    }

    private Map<String, String> metadata(byte[] json) {
        if (json == null || json.length == 0) {
            return Map.of();
        }
        try {
            Map<?, ?> raw = mapper.readValue(json, Map.class);
            var metadata = new LinkedHashMap<String, String>();
            raw.forEach((key, value) -> metadata.put(String.valueOf(key), value == null ? null : value.toString()));
            return metadata;
        } catch (IOException e) {
            return Map.of();
        }
    }

    private Class<?> type(String name) throws ClassNotFoundException {
        Class<?> type = types.get(name);
        if (type == null) {
            if (!name.startsWith("io.qswarm.intelligence.api.")) {
                throw new ClassNotFoundException("not a QTable event type: " + name);
            }
            type = Class.forName(name);
            types.put(name, type);
        }
        return type;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
