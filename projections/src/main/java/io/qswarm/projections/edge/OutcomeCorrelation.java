package io.qswarm.projections.edge;

import java.util.Map;

/**
 * Pearson correlation of two outcome series aligned on their common time buckets (pairwise complete: a bucket counts
 * only when both patterns have a value there). With {@code B} the common buckets:
 *
 * <pre>
 * ρ = Σ_B (a − ā)(b − b̄) / √(Σ_B (a − ā)² · Σ_B (b − b̄)²)       ā, b̄ means over B
 * </pre>
 *
 * Undefined (null) when {@code |B| < minOverlap} or either series is constant on {@code B}.
 */
record OutcomeCorrelation(int minOverlap) {

    OutcomeCorrelation {
        if (minOverlap < 2) {
            throw new IllegalArgumentException("a correlation needs an overlap of at least 2, was " + minOverlap);
        }
    }

    record Result(Double rho, int overlap) {}

    Result between(Map<Long, Double> a, Map<Long, Double> b) {
        Map<Long, Double> small = a.size() <= b.size() ? a : b;
        Map<Long, Double> large = small == a ? b : a;
        int n = 0;
        double sumA = 0;
        double sumB = 0;
        for (var entry : small.entrySet()) {
            Double other = large.get(entry.getKey());
            if (other != null) {
                n++;
                sumA += small == a ? entry.getValue() : other;
                sumB += small == a ? other : entry.getValue();
            }
        }
        if (n < minOverlap) {
            return new Result(null, n);
        }
        double meanA = sumA / n;
        double meanB = sumB / n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (var entry : a.entrySet()) {
            Double y = b.get(entry.getKey());
            if (y != null) {
                double dx = entry.getValue() - meanA;
                double dy = y - meanB;
                sab += dx * dy;
                saa += dx * dx;
                sbb += dy * dy;
            }
        }
        if (saa <= 0 || sbb <= 0) {
            return new Result(null, n);
        }
        return new Result(Math.max(-1.0, Math.min(1.0, sab / Math.sqrt(saa * sbb))), n);
    }
}
