package io.qswarm.federation.aggregation;

import io.qswarm.intelligence.api.Checks;
import io.qswarm.intelligence.api.QTableId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The aggregate value of one entry and the opinions it was computed from. Its visits are the per-origin maximum over
 * those accepted opinions: the experiences behind the value, each counted once however many sources hold it.
 */
public record Aggregated(double q, Map<String, Long> visitsByOrigin, List<QTableId> accepted) {

    public Aggregated {
        Checks.finite("aggregated q", q);
        visitsByOrigin = java.util.Collections.unmodifiableMap(new TreeMap<>(visitsByOrigin));
        accepted = List.copyOf(accepted);
    }

    static Aggregated of(double q, Collection<Opinion> accepted) {
        var union = new TreeMap<String, Long>();
        for (Opinion opinion : accepted) {
            opinion.visitsByOrigin().forEach((origin, count) -> union.merge(origin, count, Math::max));
        }
        return new Aggregated(
                q,
                union,
                accepted.stream().map(Opinion::source).sorted(Sources.ORDER).toList());
    }

    public long visits() {
        long sum = 0;
        for (long count : visitsByOrigin.values()) {
            sum += count;
        }
        return sum;
    }
}
