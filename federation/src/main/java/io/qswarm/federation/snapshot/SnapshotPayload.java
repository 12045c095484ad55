package io.qswarm.federation.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import io.qswarm.intelligence.api.ActionSpec;
import io.qswarm.intelligence.api.AgentId;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.QTableEntry;
import io.qswarm.intelligence.api.QTableExport;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.StateKey;
import io.qswarm.intelligence.api.ValueFunctionKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The payload of a snapshot: the table as canonical JSON (fields in a fixed order, entries sorted by state and action,
 * origins sorted), compressed with zstd. Decoding is strict: a payload that does not decompress within the limit, is
 * not this JSON, or carries a non-finite number is {@code UNPARSABLE_PAYLOAD}.
 */
public final class SnapshotPayload {

    /** The payload format this code writes and reads; another one is another representation (a new major). */
    public static final int FORMAT = 1;

    /** zstd level: the default, a good ratio at a speed far above disk and network rates. */
    static final int LEVEL = 3;

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private SnapshotPayload() {}

    /** The uncompressed canonical JSON of the snapshot. */
    static byte[] json(KnowledgeSnapshot snapshot) {
        QTableExport table = snapshot.table();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("exportFormat", table.formatVersion());
        root.put("table", table.tableId().value());
        root.put("agent", table.agentId().value());
        root.put("rule", table.rule().name());
        root.put("alpha", table.alpha());
        root.put("gamma", table.gamma());
        root.put("epsilon", table.epsilon());
        if (snapshot.exploration() != null) {
            ExplorationSchedule schedule = snapshot.exploration();
            ObjectNode exploration = root.putObject("exploration");
            exploration.put("kind", schedule.kind().name());
            exploration.put("start", schedule.start());
            exploration.put("end", schedule.end());
            exploration.put("rate", schedule.rate());
            exploration.put("steps", schedule.steps());
        }
        root.put("valueFunction", snapshot.valueFunction().name());
        root.put("sourceEventPosition", snapshot.sourceEventPosition());
        ArrayNode actions = root.putArray("actions");
        for (ActionSpec action : table.actions()) {
            ObjectNode node = actions.addObject();
            node.put("name", action.name());
            node.put("baseCost", action.baseCost());
            if (action.category() != null) {
                node.put("category", action.category());
            }
        }
        ArrayNode entries = root.putArray("entries");
        table.entries().stream()
                .sorted(Comparator.comparing((QTableEntry e) -> e.state().value())
                        .thenComparing(QTableEntry::action))
                .forEach(entry -> {
                    ObjectNode node = entries.addObject();
                    node.put("state", entry.state().value());
                    node.put("action", entry.action());
                    node.put("q", entry.q());
                    node.put("visits", entry.visits());
                    ObjectNode origins = node.putObject("origins");
                    new TreeMap<>(entry.visitsByOrigin() == null ? Map.<String, Long>of() : entry.visitsByOrigin())
                            .forEach(origins::put);
                    node.put("confidence", entry.confidence());
                });
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a snapshot could not be written as JSON", e);
        }
    }

    /** The compressed payload. */
    static byte[] encode(KnowledgeSnapshot snapshot, SnapshotLimits limits) {
        byte[] json = json(snapshot);
        if (json.length > limits.maxUncompressedBytes()) {
            throw new SnapshotRefusedException(
                    SnapshotRefusedException.Reason.OVERSIZED,
                    "table " + snapshot.table().tableId() + " takes " + json.length
                            + " bytes uncompressed, more than the limit of " + limits.maxUncompressedBytes());
        }
        byte[] compressed = Zstd.compress(json, LEVEL);
        if (compressed.length > limits.maxCompressedBytes()) {
            throw new SnapshotRefusedException(
                    SnapshotRefusedException.Reason.OVERSIZED,
                    "table " + snapshot.table().tableId() + " takes " + compressed.length
                            + " bytes compressed, more than the limit of " + limits.maxCompressedBytes());
        }
        return compressed;
    }

    /** Decompresses and reads a payload, refusing one that would decompress beyond the limit. */
    static KnowledgeSnapshot decode(byte[] compressed, SnapshotLimits limits) {
        byte[] json;
        try {
            long size = Zstd.getFrameContentSize(compressed);
            if (size < 0) {
                throw unparsable("the payload is not a zstd frame with a known content size", null);
            }
            if (size > limits.maxUncompressedBytes()) {
                throw new SnapshotRefusedException(
                        SnapshotRefusedException.Reason.OVERSIZED,
                        "the payload would decompress to " + size + " bytes, more than the limit of "
                                + limits.maxUncompressedBytes());
            }
            json = Zstd.decompress(compressed, (int) size);
            if (json.length != size) {
                throw unparsable("the payload decompressed to " + json.length + " bytes, its frame says " + size, null);
            }
        } catch (ZstdException e) {
            throw unparsable("the payload does not decompress: " + e.getMessage(), e);
        }
        try {
            return read(JSON.readTree(json));
        } catch (SnapshotRefusedException e) {
            throw e;
        } catch (java.io.IOException | RuntimeException e) {
            throw unparsable("the payload is not a snapshot: " + firstLine(e.getMessage()), e);
        }
    }

    private static KnowledgeSnapshot read(JsonNode root) {
        require(root.isObject(), "not a JSON object");
        int format = Math.toIntExact(integer(root, "format"));
        require(format == FORMAT, "payload format " + format + ", this reader knows " + FORMAT);
        var actions = new ArrayList<ActionSpec>();
        for (JsonNode node : array(root, "actions")) {
            JsonNode category = node.get("category");
            actions.add(new ActionSpec(
                    text(node, "name"), decimal(node, "baseCost"), category == null ? null : category.asText()));
        }
        var entries = new ArrayList<QTableEntry>();
        var seen = new HashSet<String>();
        for (JsonNode node : array(root, "entries")) {
            var origins = new TreeMap<String, Long>();
            JsonNode originNode = node.get("origins");
            require(originNode != null && originNode.isObject(), "'origins' must be an object");
            for (Iterator<Map.Entry<String, JsonNode>> it = originNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> origin = it.next();
                require(origin.getValue().isIntegralNumber(), "visits of origin must be integers");
                origins.put(origin.getKey(), origin.getValue().asLong());
            }
            String state = text(node, "state");
            String action = text(node, "action");
            require(seen.add(state + '\u0000' + action), "entry " + state + "/" + action + " appears twice");
            entries.add(new QTableEntry(
                    StateKey.of(state),
                    action,
                    decimal(node, "q"),
                    integer(node, "visits"),
                    origins,
                    decimal(node, "confidence")));
        }
        ExplorationSchedule exploration = null;
        JsonNode schedule = root.get("exploration");
        if (schedule != null) {
            exploration = new ExplorationSchedule(
                    ExplorationSchedule.Kind.valueOf(text(schedule, "kind")),
                    decimal(schedule, "start"),
                    decimal(schedule, "end"),
                    decimal(schedule, "rate"),
                    integer(schedule, "steps"));
        }
        var table = new QTableExport(
                Math.toIntExact(integer(root, "exportFormat")),
                QTableId.of(text(root, "table")),
                AgentId.of(text(root, "agent")),
                List.copyOf(actions),
                LearningRule.valueOf(text(root, "rule")),
                decimal(root, "alpha"),
                decimal(root, "gamma"),
                decimal(root, "epsilon"),
                List.copyOf(entries));
        return new KnowledgeSnapshot(
                table,
                exploration,
                ValueFunctionKind.valueOf(text(root, "valueFunction")),
                integer(root, "sourceEventPosition"));
    }

    private static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node.get(field);
        require(value != null && value.isArray(), "'" + field + "' must be an array");
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        require(value != null && value.isTextual(), "'" + field + "' must be a string");
        return value.asText();
    }

    private static long integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        require(
                value != null && value.isIntegralNumber() && value.canConvertToLong(),
                "'" + field + "' must be an integer");
        return value.asLong();
    }

    private static double decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        require(value != null && value.isNumber(), "'" + field + "' must be a number");
        double number = value.asDouble();
        require(Double.isFinite(number), "'" + field + "' must be finite");
        return number;
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new IllegalArgumentException(reason);
        }
    }

    private static SnapshotRefusedException unparsable(String reason, Throwable cause) {
        return new SnapshotRefusedException(SnapshotRefusedException.Reason.UNPARSABLE_PAYLOAD, reason, cause);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse(message);
    }
}
