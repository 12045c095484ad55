package io.qswarm.federation.aggregation;

import io.qswarm.intelligence.api.QTableId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Krum and Multi-Krum (Blanchard et al., 2017) over the sources' knowledge vectors.
 *
 * <p>The vector space is the union {@code U} of the entries the {@code n} sources sent. Sources send deltas, so a
 * source may miss some entries; a missing coordinate is <em>imputed with the median</em> of the values the other
 * sources sent for it (the plain median of those values, the mean of the two middle ones for an even count). A
 * missing entry thus reads as "no opinion": it sits at the centre of the others and adds no distance of its own.
 *
 * <p>With {@code d(i, j) = Σ_{e ∈ U} (x_i(e) − x_j(e))²}, source i's score is the sum of its {@code n − f − 2}
 * smallest distances to the others. Krum keeps the source with the lowest score, Multi-Krum the {@code m} lowest
 * (ties broken by source id). Requires {@code n > 2f + 2}.
 */
public final class Krum {

    private Krum() {}

    /** A source and its Krum score. */
    public record Scored(QTableId source, double score) {}

    /**
     * Every source's score, lowest first.
     *
     * @throws IllegalArgumentException when {@code n ≤ 2f + 2} or {@code f < 0}
     */
    public static List<Scored> scores(List<SourceKnowledge> sources, int byzantine) {
        int n = checked(sources, byzantine);
        double[][] vectors = imputedVectors(sources);
        int nearest = n - byzantine - 2;
        var scored = new ArrayList<Scored>(n);
        for (int i = 0; i < n; i++) {
            double[] distances = new double[n - 1];
            int d = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    distances[d++] = squaredDistance(vectors[i], vectors[j]);
                }
            }
            Arrays.sort(distances);
            double score = 0;
            for (int k = 0; k < nearest; k++) {
                score += distances[k];
            }
            scored.add(new Scored(sources.get(i).source(), score));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).thenComparing(Scored::source, Sources.ORDER));
        return scored;
    }

    /**
     * The {@code selected} sources with the lowest scores (Krum: 1), lowest first.
     *
     * @throws IllegalArgumentException when {@code n ≤ 2f + 2}, or {@code selected} is not in {@code [1, n − f]}
     */
    public static List<QTableId> select(List<SourceKnowledge> sources, int byzantine, int selected) {
        int n = checked(sources, byzantine);
        if (selected < 1 || selected > n - byzantine) {
            throw new IllegalArgumentException(
                    "Multi-Krum keeps between 1 and n − f = " + (n - byzantine) + " sources, m was " + selected);
        }
        return scores(sources, byzantine).stream()
                .limit(selected)
                .map(Scored::source)
                .toList();
    }

    private static int checked(List<SourceKnowledge> sources, int byzantine) {
        if (byzantine < 0) {
            throw new IllegalArgumentException("byzantine f must not be negative, was " + byzantine);
        }
        int n = sources.size();
        if (n <= 2 * byzantine + 2) {
            throw new IllegalArgumentException("Krum with f = " + byzantine + " needs more than 2f + 2 = "
                    + (2 * byzantine + 2) + " sources, got " + n);
        }
        var seen = new HashSet<QTableId>();
        for (SourceKnowledge source : sources) {
            if (!seen.add(source.source())) {
                throw new IllegalArgumentException("source " + source.source() + " appears more than once");
            }
        }
        return n;
    }

    private static double[][] imputedVectors(List<SourceKnowledge> sources) {
        SortedSet<EntryKey> union = new TreeSet<>();
        sources.forEach(source -> union.addAll(source.opinions().keySet()));
        var medians = new TreeMap<EntryKey, Double>();
        for (EntryKey key : union) {
            medians.put(key, medianOfHolders(sources, key));
        }
        double[][] vectors = new double[sources.size()][union.size()];
        for (int i = 0; i < sources.size(); i++) {
            SourceKnowledge source = sources.get(i);
            int e = 0;
            for (Map.Entry<EntryKey, Double> median : medians.entrySet()) {
                vectors[i][e++] = source.holds(median.getKey()) ? source.q(median.getKey()) : median.getValue();
            }
        }
        return vectors;
    }

    private static double medianOfHolders(List<SourceKnowledge> sources, EntryKey key) {
        double[] values = sources.stream()
                .filter(source -> source.holds(key))
                .mapToDouble(source -> source.q(key))
                .sorted()
                .toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int e = 0; e < a.length; e++) {
            double difference = a[e] - b[e];
            sum += difference * difference;
        }
        return sum;
    }
}
