package io.qswarm.projections.edge;

import io.qswarm.intelligence.api.Checks;
import io.qswarm.projections.edge.api.FactorMember;
import io.qswarm.projections.edge.api.LatentFactor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Pattern orthogonalization (v5.3): groups patterns whose outcome series move together into latent factors by
 * average-linkage agglomerative clustering on the similarity {@code S_ij = |ρ_ij|} ({@link OutcomeCorrelation};
 * undefined = 0). Deterministic:
 *
 * <ol>
 *   <li>rank the patterns by samples descending, then pattern key; start with one cluster per pattern in rank order;
 *   <li>link(A, B) = mean of {@code S_ij} over {@code i ∈ A, j ∈ B}; merge the pair with the highest link (ties: the
 *       pair whose clusters come first in rank order) while that link is ≥ {@code threshold};
 *   <li>a factor's representative is its best-ranked member; a member is redundant when
 *       {@code |ρ(member, representative)| ≥ threshold}.
 * </ol>
 *
 * Sign is ignored on purpose: a pattern that always loses when another wins measures the same factor.
 */
record FactorClustering(double threshold, OutcomeCorrelation correlation) {

    FactorClustering {
        Checks.inRange("clustering threshold", threshold, 0.0, 1.0);
        if (threshold == 0) {
            throw new IllegalArgumentException("clustering threshold must be above 0");
        }
    }

    static final Comparator<PatternSeries> RANK =
            Comparator.comparingLong(PatternSeries::samples).reversed().thenComparing(PatternSeries::pattern);

    List<LatentFactor> factors(List<PatternSeries> patterns) {
        List<PatternSeries> ranked = patterns.stream().sorted(RANK).toList();
        int n = ranked.size();
        var rho = new OutcomeCorrelation.Result[n][n];
        double[][] linkSum = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                var r = correlation.between(
                        ranked.get(i).outcomes(), ranked.get(j).outcomes());
                rho[i][j] = r;
                rho[j][i] = r;
                double s = r.rho() == null ? 0.0 : Math.abs(r.rho());
                linkSum[i][j] = s;
                linkSum[j][i] = s;
            }
        }
        // clusters.get(c) lists member indices; cluster c's link sums live in row/column ids.get(c)
        var clusters = new ArrayList<List<Integer>>();
        var ids = new ArrayList<Integer>();
        for (int i = 0; i < n; i++) {
            clusters.add(new ArrayList<>(List.of(i)));
            ids.add(i);
        }
        while (clusters.size() > 1) {
            int bestA = -1;
            int bestB = -1;
            double best = -1;
            for (int a = 0; a < clusters.size(); a++) {
                for (int b = a + 1; b < clusters.size(); b++) {
                    double link = linkSum[ids.get(a)][ids.get(b)]
                            / ((double) clusters.get(a).size() * clusters.get(b).size());
                    if (link > best) {
                        best = link;
                        bestA = a;
                        bestB = b;
                    }
                }
            }
            if (best < threshold) {
                break;
            }
            int keep = ids.get(bestA);
            int gone = ids.get(bestB);
            for (int c = 0; c < n; c++) {
                linkSum[keep][c] += linkSum[gone][c];
                linkSum[c][keep] = linkSum[keep][c];
            }
            clusters.get(bestA).addAll(clusters.get(bestB));
            clusters.remove(bestB);
            ids.remove(bestB);
        }
        var factors = new ArrayList<LatentFactor>(clusters.size());
        for (List<Integer> members : clusters) {
            members.sort(Comparator.naturalOrder());
            factors.add(factor(ranked, rho, members));
        }
        return factors;
    }

    private LatentFactor factor(List<PatternSeries> ranked, OutcomeCorrelation.Result[][] rho, List<Integer> members) {
        int representative = members.get(0);
        var out = new ArrayList<FactorMember>(members.size());
        for (int i : members) {
            PatternSeries series = ranked.get(i);
            if (i == representative) {
                out.add(new FactorMember(
                        series.pattern(),
                        series.samples(),
                        series.score(),
                        1.0,
                        series.outcomes().size(),
                        false));
                continue;
            }
            var r = rho[representative][i];
            boolean redundant = r.rho() != null && Math.abs(r.rho()) >= threshold;
            out.add(new FactorMember(
                    series.pattern(), series.samples(), series.score(), r.rho(), r.overlap(), redundant));
        }
        Double mean = null;
        if (members.size() > 1) {
            double sum = 0;
            int pairs = 0;
            for (int x = 0; x < members.size(); x++) {
                for (int y = x + 1; y < members.size(); y++) {
                    Double r = rho[members.get(x)][members.get(y)].rho();
                    sum += r == null ? 0.0 : Math.abs(r);
                    pairs++;
                }
            }
            mean = sum / pairs;
        }
        return new LatentFactor(ranked.get(representative).pattern(), mean, out);
    }
}
