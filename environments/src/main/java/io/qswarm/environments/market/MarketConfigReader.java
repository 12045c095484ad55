package io.qswarm.environments.market;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads market configuration JSON: overlays the file on the shipped defaults (objects merge field by field, arrays and
 * numbers replace), then maps the tree onto {@link MarketConfig}, reporting unknown fields and wrong types by path.
 * Range checks are {@link MarketConfig}'s own. A top-level {@code "$schema"} field is allowed and ignored.
 */
final class MarketConfigReader {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static final Set<String> TOP_FIELDS = Set.of(
            "$schema",
            "episodeLength",
            "initialPrice",
            "feeBps",
            "baseVolatility",
            "shockProbability",
            "shockSize",
            "moodNoise",
            "regimes",
            "quantization");
    private static final Set<String> REGIME_FIELDS = Set.of(
            "drift", "volatilityMultiplier", "shockMultiplier", "downShockShare", "initialWeight", "transitions");
    private static final Set<String> REGIME_KEYS = Set.of("bull", "bear", "chop", "panic");
    private static final Set<String> QUANTIZATION_FIELDS =
            Set.of("priceBuckets", "priceBucketWidth", "volumeThresholds", "trendWindow", "trendThreshold");

    private static final JsonNode DEFAULTS = loadDefaults();

    private MarketConfigReader() {}

    static MarketConfig read(String json) {
        JsonNode given;
        try {
            given = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MarketConfigException(List.of("not valid JSON: " + e.getOriginalMessage()));
        }
        if (given == null || !given.isObject()) {
            throw new MarketConfigException(List.of("a market config must be a JSON object"));
        }
        JsonNode merged = merge(DEFAULTS.deepCopy(), given);
        List<String> violations = new ArrayList<>();
        MarketConfig config = toConfig(merged, violations);
        if (!violations.isEmpty()) {
            throw new MarketConfigException(violations);
        }
        return config;
    }

    private static MarketConfig toConfig(JsonNode root, List<String> violations) {
        unknownFields(root, "", TOP_FIELDS, violations);
        Map<Regime, RegimeParameters> regimes = new EnumMap<>(Regime.class);
        JsonNode regimesNode = object(root, "regimes", "", violations);
        if (regimesNode != null) {
            unknownFields(regimesNode, "regimes.", REGIME_KEYS, violations);
            for (Regime regime : Regime.values()) {
                String path = "regimes." + regime.key() + ".";
                JsonNode node = object(regimesNode, regime.key(), "regimes.", violations);
                if (node == null) {
                    continue;
                }
                unknownFields(node, path, REGIME_FIELDS, violations);
                Map<Regime, Double> transitions = new EnumMap<>(Regime.class);
                JsonNode row = object(node, "transitions", path, violations);
                if (row != null) {
                    unknownFields(row, path + "transitions.", REGIME_KEYS, violations);
                    for (Regime to : Regime.values()) {
                        transitions.put(to, number(row, to.key(), path + "transitions.", violations));
                    }
                }
                regimes.put(
                        regime,
                        new RegimeParameters(
                                number(node, "drift", path, violations),
                                number(node, "volatilityMultiplier", path, violations),
                                number(node, "shockMultiplier", path, violations),
                                number(node, "downShockShare", path, violations),
                                number(node, "initialWeight", path, violations),
                                transitions));
            }
        }
        Quantization quantization = null;
        JsonNode q = object(root, "quantization", "", violations);
        if (q != null) {
            unknownFields(q, "quantization.", QUANTIZATION_FIELDS, violations);
            quantization = new Quantization(
                    integer(q, "priceBuckets", "quantization.", violations),
                    number(q, "priceBucketWidth", "quantization.", violations),
                    numbers(q, "volumeThresholds", "quantization.", violations),
                    integer(q, "trendWindow", "quantization.", violations),
                    number(q, "trendThreshold", "quantization.", violations));
        }
        int episodeLength = integer(root, "episodeLength", "", violations);
        double initialPrice = number(root, "initialPrice", "", violations);
        double feeBps = number(root, "feeBps", "", violations);
        double baseVolatility = number(root, "baseVolatility", "", violations);
        double shockProbability = number(root, "shockProbability", "", violations);
        double shockSize = number(root, "shockSize", "", violations);
        double moodNoise = number(root, "moodNoise", "", violations);
        if (!violations.isEmpty()) {
            return null;
        }
        return new MarketConfig(
                episodeLength,
                initialPrice,
                feeBps,
                baseVolatility,
                shockProbability,
                shockSize,
                moodNoise,
                regimes,
                quantization);
    }

    private static void unknownFields(JsonNode node, String path, Set<String> known, List<String> violations) {
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            String name = property.getKey();
            if (!known.contains(name)) {
                violations.add(path + name + " is not a known field (known: "
                        + known.stream()
                                .filter(k -> !k.startsWith("$"))
                                .sorted()
                                .toList() + ")");
            }
        }
    }

    private static JsonNode object(JsonNode parent, String field, String path, List<String> violations) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            violations.add(path + field + " is required");
            return null;
        }
        if (!node.isObject()) {
            violations.add(path + field + " must be an object, was " + node);
            return null;
        }
        return node;
    }

    private static double number(JsonNode parent, String field, String path, List<String> violations) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            violations.add(path + field + " is required");
            return Double.NaN;
        }
        if (!node.isNumber()) {
            violations.add(path + field + " must be a number, was " + node);
            return Double.NaN;
        }
        return node.doubleValue();
    }

    private static int integer(JsonNode parent, String field, String path, List<String> violations) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            violations.add(path + field + " is required");
            return 0;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            violations.add(path + field + " must be an integer, was " + node);
            return 0;
        }
        return node.intValue();
    }

    private static List<Double> numbers(JsonNode parent, String field, String path, List<String> violations) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isArray()) {
            violations.add(path + field + " must be an array of numbers, was " + node);
            return List.of();
        }
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isNumber()) {
                violations.add(path + field + "[" + i + "] must be a number, was " + node.get(i));
            } else {
                values.add(node.get(i).doubleValue());
            }
        }
        return values;
    }

    /** Overlays {@code given} on {@code base}: objects merge recursively, anything else replaces. */
    private static JsonNode merge(JsonNode base, JsonNode given) {
        if (!(base instanceof ObjectNode baseObject) || !given.isObject()) {
            return given.deepCopy();
        }
        for (Map.Entry<String, JsonNode> field : given.properties()) {
            JsonNode existing = baseObject.get(field.getKey());
            baseObject.set(
                    field.getKey(), existing == null ? field.getValue().deepCopy() : merge(existing, field.getValue()));
        }
        return baseObject;
    }

    private static JsonNode loadDefaults() {
        try (InputStream in = MarketConfigReader.class.getResourceAsStream(MarketConfig.DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + MarketConfig.DEFAULTS_RESOURCE);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MarketConfig.DEFAULTS_RESOURCE, e);
        }
    }
}
