package io.qswarm.intelligence.learning;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a table knows of one state-action pair: a value and the experiences it stands on, counted per origin table.
 * Origins with no visits are dropped. The origin vector is a grow-only counter: merging takes the per-origin maximum, so the same experience is never
 * counted twice however often two tables sync.
 */
public record Knowledge(double q, Map<String, Long> visitsByOrigin) {

    public static final Knowledge NONE = new Knowledge(0.0, Map.of());

    public Knowledge {
        var counted = new TreeMap<String, Long>();
        visitsByOrigin.forEach((origin, count) -> {
            if (count < 0) {
                throw new IllegalArgumentException("visits of origin " + origin + " must not be negative");
            }
            if (count > 0) {
                counted.put(origin, count);
            }
        });
        visitsByOrigin = java.util.Collections.unmodifiableMap(counted);
    }

    public long visits() {
        long sum = 0;
        for (long count : visitsByOrigin.values()) {
            sum += count;
        }
        return sum;
    }

    public long visitsOf(String origin) {
        return visitsByOrigin.getOrDefault(origin, 0L);
    }

    /** Experiences {@code other} counts that this knowledge does not: {@code Σ_o max(0, other[o] − this[o])}. */
    public long experiencesMissingFrom(Knowledge other) {
        long missing = 0;
        for (var origin : other.visitsByOrigin.entrySet()) {
            missing += Math.max(0, origin.getValue() - visitsOf(origin.getKey()));
        }
        return missing;
    }

    /** Per-origin maximum of both vectors, sorted by origin. */
    public Map<String, Long> unionOfOrigins(Knowledge other) {
        var union = new TreeMap<String, Long>(visitsByOrigin);
        other.visitsByOrigin.forEach((origin, count) -> union.merge(origin, count, Math::max));
        return union;
    }
}
