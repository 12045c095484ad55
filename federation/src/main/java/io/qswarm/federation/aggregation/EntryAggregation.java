package io.qswarm.federation.aggregation;

import io.qswarm.intelligence.api.Checks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Combines several sources' opinions of one entry. Pure functions; {@code w_i} is opinion i's weight (its visits),
 * values are sorted ascending with ties broken by source id. The accepted opinions (whose visits the result carries)
 * are all of them, except for the trimmed mean, which accepts only those it keeps.
 */
public final class EntryAggregation {

    private EntryAggregation() {}

    /** {@code q = Σ w_i·q_i / Σ w_i}. */
    public static Aggregated visitWeightedMean(List<Opinion> opinions) {
        checked(opinions);
        return Aggregated.of(weightedMean(opinions), opinions);
    }

    /**
     * The mean weighted by what each opinion knows beyond the others: with {@code m[o] = min_i V_i[o]} (an origin an
     * opinion lacks counts 0), {@code u_i = Σ_o (V_i[o] − m[o])} and {@code q = Σ u_i·q_i / Σ u_i}; when no opinion
     * knows more than the others ({@code Σ u_i = 0}) the visit-weighted mean. An opinion that only echoes knowledge
     * every source shares (an entry merged last round and sent again) weighs nothing next to one that learned
     * something new; sources with disjoint histories weigh exactly as in the visit-weighted mean. Used with the
     * learning-rate table merge (ADR 0014).
     */
    public static Aggregated freshWeightedMean(List<Opinion> opinions) {
        checked(opinions);
        var common = new java.util.HashMap<String, Long>(opinions.get(0).visitsByOrigin());
        for (Opinion opinion : opinions.subList(1, opinions.size())) {
            common.replaceAll(
                    (origin, count) -> Math.min(count, opinion.visitsByOrigin().getOrDefault(origin, 0L)));
        }
        double weighted = 0;
        double total = 0;
        for (Opinion opinion : opinions) {
            long fresh = 0;
            for (var origin : opinion.visitsByOrigin().entrySet()) {
                fresh += origin.getValue() - common.getOrDefault(origin.getKey(), 0L);
            }
            weighted += fresh * opinion.q();
            total += fresh;
        }
        return Aggregated.of(total == 0 ? weightedMean(opinions) : weighted / total, opinions);
    }

    /** {@code q = max_i q_i}. */
    public static Aggregated max(List<Opinion> opinions) {
        List<Opinion> sorted = sorted(opinions);
        return Aggregated.of(sorted.get(sorted.size() - 1).q(), opinions);
    }

    /** {@code q = min_i q_i}. */
    public static Aggregated min(List<Opinion> opinions) {
        return Aggregated.of(sorted(opinions).get(0).q(), opinions);
    }

    /**
     * The visit-weighted median. With the values sorted and {@code W = Σ w_i}, take the first value {@code q_k} whose
     * cumulative weight {@code C_k} reaches half the total ({@code 2·C_k ≥ W}); when it lands exactly on the half
     * ({@code 2·C_k = W}) the median is {@code (q_k + q_{k+1}) / 2}. With equal weights this is the ordinary median.
     */
    public static Aggregated weightedMedian(List<Opinion> opinions) {
        List<Opinion> sorted = sorted(opinions);
        long total = 0;
        for (Opinion opinion : sorted) {
            total = Math.addExact(total, opinion.weight());
        }
        long cumulative = 0;
        for (int k = 0; k < sorted.size(); k++) {
            cumulative += sorted.get(k).weight();
            if (2 * cumulative >= total) {
                double q = 2 * cumulative == total && k + 1 < sorted.size()
                        ? (sorted.get(k).q() + sorted.get(k + 1).q()) / 2
                        : sorted.get(k).q();
                return Aggregated.of(q, opinions);
            }
        }
        throw new IllegalStateException("unreachable: the cumulative weight always reaches the total");
    }

    /**
     * The trimmed mean, trimming by count: with {@code n} opinions sorted by value, drop the {@code k = ⌊β·n⌋} lowest
     * and the {@code k} highest, then take the visit-weighted mean of the {@code n − 2k} left (at least one, since
     * {@code β < 0.5}). Trimming by count, not by weight, means a source cannot escape the trim by claiming many
     * visits.
     *
     * @throws IllegalArgumentException when β is not in [0, 0.5)
     */
    public static Aggregated trimmedMean(List<Opinion> opinions, double beta) {
        Checks.finite("trim β", beta);
        if (beta < 0 || beta >= 0.5) {
            throw new IllegalArgumentException("trim β must be in [0, 0.5), was " + beta);
        }
        List<Opinion> sorted = sorted(opinions);
        int k = (int) Math.floor(beta * sorted.size());
        List<Opinion> kept = sorted.subList(k, sorted.size() - k);
        return Aggregated.of(weightedMean(kept), kept);
    }

    static double weightedMean(List<Opinion> opinions) {
        double weighted = 0;
        double total = 0;
        for (Opinion opinion : opinions) {
            weighted += opinion.weight() * opinion.q();
            total += opinion.weight();
        }
        return weighted / total;
    }

    private static List<Opinion> sorted(List<Opinion> opinions) {
        checked(opinions);
        var sorted = new ArrayList<>(opinions);
        sorted.sort(Sources.BY_VALUE);
        return sorted;
    }

    private static void checked(List<Opinion> opinions) {
        Checks.required("opinions", opinions);
        if (opinions.isEmpty()) {
            throw new IllegalArgumentException("there is nothing to aggregate: no opinion given");
        }
        var sources = new HashSet<>();
        for (Opinion opinion : opinions) {
            Checks.required("opinion", opinion);
            if (!sources.add(opinion.source())) {
                throw new IllegalArgumentException("source " + opinion.source() + " gave more than one opinion");
            }
        }
    }
}
