package io.qswarm.intelligence.api;

import java.util.Map;
import java.util.TreeMap;

/**
 * A peer's value of one value-function parameter and the experiences, per origin table, that touched it (an update
 * of {@code (s, a)} touches every parameter {@code Q(s, a)} depends on).
 *
 * @param visitsByOrigin experiences per origin table id; empty means the parameter stands on no experience (it will
 *     change nothing)
 */
public record PeerParameter(double value, Map<String, Long> visitsByOrigin) {

    public PeerParameter {
        Checks.finite("parameter value", value);
        visitsByOrigin = visitsByOrigin == null ? Map.of() : checkedOrigins(visitsByOrigin);
    }

    private static Map<String, Long> checkedOrigins(Map<String, Long> origins) {
        var copy = new TreeMap<String, Long>();
        for (var origin : origins.entrySet()) {
            Checks.identifier("origin", origin.getKey());
            long count = Checks.required("visits of origin " + origin.getKey(), origin.getValue());
            if (count < 0) {
                throw new IllegalArgumentException("visits of origin " + origin.getKey() + " must not be negative");
            }
            copy.put(origin.getKey(), count);
        }
        return java.util.Collections.unmodifiableMap(copy);
    }
}
