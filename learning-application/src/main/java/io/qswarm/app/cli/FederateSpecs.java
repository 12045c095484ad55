package io.qswarm.app.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The short forms {@code ./qswarm federate form} accepts, as the JSON the swarm API reads:
 *
 * <ul>
 *   <li>topology: {@code full-mesh}, {@code ring}, {@code hub:TABLE}, {@code gossip:K};
 *   <li>strategy: {@code mean}, {@code max}, {@code min}, {@code median}, {@code trimmed-mean:BETA}, {@code krum:F},
 *       {@code multi-krum:F,M};
 *   <li>quorum: {@code N} participants or {@code P%} of them;
 *   <li>durations: {@code 30s}, {@code 5m}, {@code 1h}, {@code 500ms} or ISO-8601 ({@code PT30S});
 *   <li>sync: {@code episodes:N}, {@code updates:N}, {@code interval:DURATION}.
 * </ul>
 */
final class FederateSpecs {

    private FederateSpecs() {}

    static Map<String, Object> topology(String spec) {
        String[] parts = split(spec, "topology");
        var topology = new LinkedHashMap<String, Object>();
        switch (parts[0]) {
            case "full-mesh", "mesh" -> topology.put("kind", "FULL_MESH");
            case "ring" -> topology.put("kind", "RING");
            case "hub" -> {
                topology.put("kind", "HUB");
                topology.put("hub", argument(parts, "hub:TABLE"));
            }
            case "gossip" -> {
                topology.put("kind", "GOSSIP");
                topology.put("peers", integer(argument(parts, "gossip:K"), "gossip peers"));
            }
            default -> throw new IllegalArgumentException(
                    "unknown topology '" + spec + "'; use full-mesh, ring, hub:TABLE or gossip:K");
        }
        return topology;
    }

    /** {@code mean} (visit-weighted) or {@code learning-rate}: how each table merges a round's aggregate. */
    static String tableMerge(String spec) {
        return switch (spec) {
            case "mean", "visit-weighted-mean" -> "VISIT_WEIGHTED_MEAN";
            case "learning-rate" -> "LEARNING_RATE";
            default -> throw new IllegalArgumentException(
                    "unknown table merge '" + spec + "'; use mean or learning-rate");
        };
    }

    static Map<String, Object> aggregation(String spec) {
        String[] parts = split(spec, "strategy");
        var rule = new LinkedHashMap<String, Object>();
        switch (parts[0]) {
            case "mean", "visit-weighted-mean" -> rule.put("strategy", "VISIT_WEIGHTED_MEAN");
            case "max" -> rule.put("strategy", "MAX");
            case "min" -> rule.put("strategy", "MIN");
            case "median" -> rule.put("strategy", "MEDIAN");
            case "trimmed-mean" -> {
                rule.put("strategy", "TRIMMED_MEAN");
                rule.put("trim", number(argument(parts, "trimmed-mean:BETA"), "trim"));
            }
            case "krum" -> {
                rule.put("strategy", "KRUM");
                rule.put("byzantine", integer(argument(parts, "krum:F"), "byzantine f"));
            }
            case "multi-krum" -> {
                String[] values = argument(parts, "multi-krum:F,M").split(",");
                if (values.length != 2) {
                    throw new IllegalArgumentException("multi-krum needs F and M: multi-krum:1,3");
                }
                rule.put("strategy", "MULTI_KRUM");
                rule.put("byzantine", integer(values[0], "byzantine f"));
                rule.put("selected", integer(values[1], "selected m"));
            }
            default -> throw new IllegalArgumentException("unknown strategy '" + spec
                    + "'; use mean, max, min, median, trimmed-mean:BETA, krum:F or multi-krum:F,M");
        }
        return rule;
    }

    static Map<String, Object> quorum(String spec) {
        String text = spec.strip();
        if (text.endsWith("%")) {
            double percent = number(text.substring(0, text.length() - 1), "quorum percentage");
            return Map.of("fraction", percent / 100);
        }
        return Map.of("minimum", integer(text, "quorum"));
    }

    static Map<String, Object> sync(String spec) {
        String[] parts = split(spec, "sync");
        var period = new LinkedHashMap<String, Object>();
        switch (parts[0]) {
            case "episodes", "updates" -> {
                period.put("unit", parts[0].toUpperCase(Locale.ROOT));
                period.put("every", (long) integer(argument(parts, parts[0] + ":N"), "sync every"));
            }
            case "interval" -> {
                period.put("unit", "INTERVAL");
                period.put(
                        "interval",
                        duration(argument(parts, "interval:DURATION")).toString());
            }
            default -> throw new IllegalArgumentException(
                    "unknown sync period '" + spec + "'; use episodes:N, updates:N or interval:DURATION");
        }
        return period;
    }

    static Duration duration(String spec) {
        String text = spec.strip().toLowerCase(Locale.ROOT);
        try {
            if (text.startsWith("pt") || text.startsWith("p")) {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            }
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            return switch (text.charAt(text.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException(
                    "unreadable duration '" + spec + "'; use e.g. 30s, 5m, 1h, 500ms or PT30S");
        }
    }

    private static String[] split(String spec, String what) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        String[] parts = spec.strip().split(":", 2);
        parts[0] = parts[0].toLowerCase(Locale.ROOT);
        return parts;
    }

    private static String argument(String[] parts, String form) {
        if (parts.length < 2 || parts[1].isBlank()) {
            throw new IllegalArgumentException("write it as " + form);
        }
        return parts[1];
    }

    private static int integer(String text, String what) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number, was '" + text + "'");
        }
    }

    private static double number(String text, String what) {
        try {
            double value = Double.parseDouble(text.strip());
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a finite number, was '" + text + "'");
        }
    }
}
