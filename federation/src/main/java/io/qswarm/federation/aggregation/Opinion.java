package io.qswarm.federation.aggregation;

import io.qswarm.intelligence.api.Checks;
import io.qswarm.intelligence.api.QTableId;
import java.util.Map;
import java.util.TreeMap;

/**
 * One source's knowledge of one entry: its value and the experiences it stands on, per origin table. Its weight (its
 * importance) is the number of those experiences.
 */
public record Opinion(QTableId source, double q, Map<String, Long> visitsByOrigin) {

    public Opinion {
        Checks.required("source", source);
        Checks.finite("q of " + source, q);
        Checks.required("visitsByOrigin", visitsByOrigin);
        long weight = 0;
        for (var origin : visitsByOrigin.entrySet()) {
            long count = Checks.required("visits of origin " + origin.getKey(), origin.getValue());
            if (count < 0) {
                throw new IllegalArgumentException("visits of origin " + origin.getKey() + " must not be negative");
            }
            weight = Math.addExact(weight, count);
        }
        if (weight == 0) {
            throw new IllegalArgumentException("an opinion of " + source + " must stand on at least one experience");
        }
        visitsByOrigin = new TreeMap<>(visitsByOrigin);
    }

    /** The experiences this value stands on: {@code w = Σ_o visits[o]}. */
    public long weight() {
        long sum = 0;
        for (long count : visitsByOrigin.values()) {
            sum += count;
        }
        return sum;
    }
}
