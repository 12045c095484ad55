package io.qswarm.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.qswarm.infra.axon.ValueRecordsModule;
import io.qswarm.intelligence.api.ConfidencePolicy;
import io.qswarm.intelligence.integrity.HashChain;
import io.qswarm.projections.summary.TableSummaryProjection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Rebuilds the read models from scratch into a shadow database (in-memory H2 migrated with the same Flyway scripts)
 * by feeding every event through the projection classes themselves, then compares content hashes of the shadow
 * tables with the live ones, table by table. A difference means the live read model is stale or was altered.
 */
public final class ProjectionAudit implements AutoCloseable {

    /** The read-model tables compared, with the columns that order their rows. */
    private static final Map<String, String> READ_MODELS = new TreeMap<>(Map.of(
            "table_summary", "table_id",
            "table_entry", "table_id, state, action"));

    private final DataSource live;
    private final SingleConnectionDataSource shadow;
    private final AnnotationEventHandlerAdapter tableSummary;

    public ProjectionAudit(DataSource live) {
        this.live = live;
        this.shadow = new SingleConnectionDataSource(
                "jdbc:h2:mem:qswarm-shadow-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", true);
        Flyway.configure()
                .dataSource(shadow)
                .locations("classpath:db/migration/common")
                .load()
                .migrate();
        ObjectMapper json =
                JsonMapper.builder().addModule(new ValueRecordsModule()).build();
        this.tableSummary = new AnnotationEventHandlerAdapter(
                new TableSummaryProjection(new JdbcTemplate(shadow), json, ConfidencePolicy.VISIT_RECIPROCAL));
    }

    /** Feeds one stored event to the shadow projections (unreadable events are skipped: the replay reports them). */
    public void accept(StoredEvent event) {
        if (event.payload() == null) {
            return;
        }
        var message = new GenericDomainEventMessage<>(
                StoreReader.AGGREGATE_TYPE,
                event.tableId(),
                event.sequence(),
                event.payload(),
                event.metadata(),
                "shadow-" + event.globalIndex(),
                event.timestamp());
        try {
            tableSummary.handle(message);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "the shadow projection failed at global position " + event.globalIndex() + ": " + e.getMessage(),
                    e);
        }
    }

    /** Compares shadow and live read models, restricted to one table when {@code tableId} is not null. */
    public Result compare(String tableId) {
        var models = new ArrayList<ModelResult>();
        for (var model : READ_MODELS.entrySet()) {
            Map<String, String> liveHashes = hashes(live, model.getKey(), model.getValue(), tableId);
            Map<String, String> shadowHashes = hashes(shadow, model.getKey(), model.getValue(), tableId);
            var differing = new TreeSet<String>();
            var ids = new TreeSet<>(liveHashes.keySet());
            ids.addAll(shadowHashes.keySet());
            for (String id : ids) {
                if (!String.valueOf(liveHashes.get(id)).equals(String.valueOf(shadowHashes.get(id)))) {
                    differing.add(id);
                }
            }
            models.add(new ModelResult(
                    model.getKey(), combined(liveHashes), combined(shadowHashes), List.copyOf(differing)));
        }
        return new Result(models.stream().allMatch(ModelResult::clean), models);
    }

    /** SHA-256 per table id over every column of every row, in key order; timestamps as UTC instants. */
    private static Map<String, String> hashes(DataSource source, String table, String order, String tableId) {
        var hashes = new TreeMap<String, String>();
        String sql = "SELECT * FROM " + table + (tableId == null ? "" : " WHERE table_id = ?") + " ORDER BY " + order;
        try (Connection connection = source.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            if (tableId != null) {
                statement.setString(1, tableId);
            }
            try (ResultSet rows = statement.executeQuery()) {
                ResultSetMetaData columns = rows.getMetaData();
                String current = null;
                MessageDigest digest = null;
                while (rows.next()) {
                    String id = rows.getString("table_id");
                    if (!id.equals(current)) {
                        if (digest != null) {
                            hashes.put(current, HexFormat.of().formatHex(digest.digest()));
                        }
                        current = id;
                        digest = HashChain.sha256();
                    }
                    for (int c = 1; c <= columns.getColumnCount(); c++) {
                        String value = value(rows, columns, c);
                        digest.update((columns.getColumnLabel(c).toLowerCase() + "=" + value + "\u0000")
                                .getBytes(StandardCharsets.UTF_8));
                    }
                    digest.update((byte) '\n');
                }
                if (digest != null) {
                    hashes.put(current, HexFormat.of().formatHex(digest.digest()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read read model " + table + ": " + e.getMessage(), e);
        }
        return hashes;
    }

    private static String value(ResultSet rows, ResultSetMetaData columns, int c) throws SQLException {
        int type = columns.getColumnType(c);
        if (type == Types.TIMESTAMP_WITH_TIMEZONE || type == Types.TIMESTAMP) {
            OffsetDateTime at = rows.getObject(c, OffsetDateTime.class);
            return at == null ? "null" : at.toInstant().toString();
        }
        if (type == Types.DOUBLE || type == Types.FLOAT || type == Types.REAL) {
            double number = rows.getDouble(c);
            return rows.wasNull() ? "null" : Long.toHexString(Double.doubleToLongBits(number));
        }
        return String.valueOf(rows.getString(c));
    }

    private static String combined(Map<String, String> hashes) {
        MessageDigest digest = HashChain.sha256();
        hashes.forEach((id, hash) -> digest.update((id + "=" + hash + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public void close() {
        try (Connection connection = shadow.getConnection()) {
            connection.createStatement().execute("SHUTDOWN");
        } catch (SQLException e) {
            // the shadow is in memory: nothing to keep
        }
        shadow.destroy();
    }

    /** One read model: content hash of the live and the shadow copy, and the tables whose rows differ. */
    public record ModelResult(String readModel, String liveSha256, String shadowSha256, List<String> differingTables) {
        public boolean clean() {
            return differingTables.isEmpty();
        }
    }

    /** The projection audit: clean when every read model equals its rebuild. */
    public record Result(boolean clean, List<ModelResult> readModels) {
        public String summary() {
            var text = new StringBuilder(clean ? "read models match their rebuild:" : "READ MODELS DIFFER:");
            for (ModelResult model : readModels) {
                text.append("\n  ")
                        .append(model.readModel())
                        .append("  live ")
                        .append(model.liveSha256())
                        .append("  rebuilt ")
                        .append(model.shadowSha256());
                if (!model.clean()) {
                    text.append("  differing tables ").append(model.differingTables());
                }
            }
            return text.toString();
        }
    }
}
