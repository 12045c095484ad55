package io.qswarm.federation.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qswarm.intelligence.api.Checks;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One line of a table's {@code manifest.jsonl}: a published version with everything a consumer checks before trusting
 * it. The signature covers the line's canonical bytes without the signature field ({@link #canonicalBytes()}: keys
 * sorted at every level, no whitespace, numbers as Java writes them, UTF-8), so any change to any field, or to the
 * payload whose SHA-256 it records, breaks it.
 *
 * @param sha256 SHA-256 (hex) of the compressed payload file
 * @param size bytes of the compressed payload file
 * @param samples the experiences the table's values stand on
 * @param signature Ed25519 signature (base64) of {@link #canonicalBytes()}, or null before signing
 */
public record ManifestLine(
        String table,
        SnapshotVersion version,
        String sha256,
        long size,
        Instant createdAt,
        long samples,
        Dimensions dimensions,
        long sourceEventPosition,
        Descriptor descriptor,
        String signerKeyId,
        String signature) {

    /** The size of the table: distinct states, actions, and entries with values. */
    public record Dimensions(long states, long actions, long entries) {

        public Dimensions {
            if (states < 0 || actions < 0 || entries < 0) {
                throw new IllegalArgumentException("dimensions must not be negative");
            }
        }
    }

    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> FIELDS = Set.of(
            "table",
            "version",
            "sha256",
            "size",
            "created_at",
            "samples",
            "dimensions",
            "source_event_position",
            "representation",
            "parameters",
            "signer_key_id",
            "signature");
    private static final ObjectMapper JSON = new ObjectMapper();

    public ManifestLine {
        Checks.identifier("table", table);
        Checks.required("version", version);
        Checks.required("sha256", sha256);
        if (!HEX_SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
        }
        if (size < 0 || samples < 0 || sourceEventPosition < 0) {
            throw new IllegalArgumentException("size, samples and source event position must not be negative");
        }
        Checks.required("created_at", createdAt);
        Checks.required("dimensions", dimensions);
        Checks.required("descriptor", descriptor);
        Checks.finite("alpha", descriptor.alpha());
        Checks.finite("gamma", descriptor.gamma());
        Checks.identifier("signer_key_id", signerKeyId);
    }

    public ManifestLine signed(String signature) {
        return new ManifestLine(
                table,
                version,
                sha256,
                size,
                createdAt,
                samples,
                dimensions,
                sourceEventPosition,
                descriptor,
                signerKeyId,
                Checks.required("signature", signature));
    }

    /** The bytes the signature covers: the line without its signature, canonical. */
    public byte[] canonicalBytes() {
        return json(false).getBytes(StandardCharsets.UTF_8);
    }

    /** The line as written to the manifest (canonical, with the signature, no line break). */
    public String toJson() {
        if (signature == null) {
            throw new IllegalStateException("sign the line before writing it");
        }
        return json(true);
    }

    private String json(boolean withSignature) {
        var fields = new TreeMap<String, String>();
        fields.put("table", string(table));
        fields.put("version", string(version.toString()));
        fields.put("sha256", string(sha256));
        fields.put("size", Long.toString(size));
        fields.put("created_at", string(createdAt.toString()));
        fields.put("samples", Long.toString(samples));
        fields.put(
                "dimensions",
                object(new TreeMap<>(java.util.Map.of(
                        "states", Long.toString(dimensions.states()),
                        "actions", Long.toString(dimensions.actions()),
                        "entries", Long.toString(dimensions.entries())))));
        fields.put("source_event_position", Long.toString(sourceEventPosition));
        fields.put(
                "representation",
                object(new TreeMap<>(java.util.Map.of(
                        "format", Integer.toString(descriptor.format()),
                        "value_function", string(descriptor.valueFunction()),
                        "actions", string(descriptor.actions())))));
        fields.put(
                "parameters",
                object(new TreeMap<>(java.util.Map.of(
                        "rule", string(descriptor.rule()),
                        "alpha", Double.toString(descriptor.alpha()),
                        "gamma", Double.toString(descriptor.gamma()),
                        "exploration", string(descriptor.exploration()),
                        "action_costs", string(descriptor.actionCosts())))));
        fields.put("signer_key_id", string(signerKeyId));
        if (withSignature) {
            fields.put("signature", string(signature));
        }
        return object(fields);
    }

    /**
     * Reads one manifest line.
     *
     * @throws SnapshotRefusedException ({@code MALFORMED_MANIFEST_LINE}) for anything but a complete, valid line
     */
    public static ManifestLine parse(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!FIELDS.contains(name)) {
                    throw new IllegalArgumentException("unknown field '" + name + "'");
                }
            }
            JsonNode dimensions = object(node, "dimensions");
            JsonNode representation = object(node, "representation");
            JsonNode parameters = object(node, "parameters");
            return new ManifestLine(
                    text(node, "table"),
                    SnapshotVersion.parse(text(node, "version")),
                    text(node, "sha256"),
                    number(node, "size"),
                    Instant.parse(text(node, "created_at")),
                    number(node, "samples"),
                    new Dimensions(
                            number(dimensions, "states"), number(dimensions, "actions"), number(dimensions, "entries")),
                    number(node, "source_event_position"),
                    new Descriptor(
                            Math.toIntExact(number(representation, "format")),
                            text(representation, "value_function"),
                            text(representation, "actions"),
                            text(parameters, "rule"),
                            decimal(parameters, "alpha"),
                            decimal(parameters, "gamma"),
                            text(parameters, "exploration"),
                            text(parameters, "action_costs")),
                    text(node, "signer_key_id"),
                    text(node, "signature"));
        } catch (SnapshotRefusedException e) {
            throw e;
        } catch (java.io.IOException | RuntimeException e) {
            throw new SnapshotRefusedException(
                    SnapshotRefusedException.Reason.MALFORMED_MANIFEST_LINE,
                    "malformed manifest line: " + describe(e),
                    e);
        }
    }

    private static String describe(Exception e) {
        String message = e instanceof DateTimeParseException ? "created_at is not an instant" : e.getMessage();
        return message == null
                ? e.getClass().getSimpleName()
                : message.lines().findFirst().orElse(message);
    }

    private static JsonNode object(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw new IllegalArgumentException("'" + field + "' must be an object");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        return value.asText();
    }

    private static long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("'" + field + "' must be an integer");
        }
        return value.asLong();
    }

    private static double decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException("'" + field + "' must be a number");
        }
        return value.asDouble();
    }

    private static String object(TreeMap<String, String> fields) {
        var json = new StringBuilder("{");
        fields.forEach((name, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(string(name)).append(':').append(value);
        });
        return json.append('}').toString();
    }

    static String string(String value) {
        var json = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
