package io.qswarm.projections.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Outcome correlation on aligned buckets and average-linkage clustering into latent factors. */
class FactorClusteringTest {

    private final OutcomeCorrelation correlation = new OutcomeCorrelation(3);
    private final FactorClustering clustering = new FactorClustering(0.8, correlation);

    private static TreeMap<Long, Double> series(double... values) {
        var out = new TreeMap<Long, Double>();
        for (int i = 0; i < values.length; i++) {
            out.put((long) i, values[i]);
        }
        return out;
    }

    @Test
    void seriesAreComparedOnTheirCommonBucketsOnly() {
        // a = 1, 2, 3 and b = 2, 4, 6 on buckets 0..2 (b's bucket 3 has no partner): a perfect line, ρ = 1
        var b = new TreeMap<Long, Double>(Map.of(0L, 2.0, 1L, 4.0, 2L, 6.0, 3L, 100.0));

        var result = correlation.between(series(1, 2, 3), b);

        assertThat(result.overlap()).isEqualTo(3);
        assertThat(result.rho()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void pearsonByHand() {
        // a = 1, 2, 3 (deviations −1, 0, 1); c = 3, 1, 2 (deviations 1, −1, 0)
        // Σ da·dc = −1 + 0 + 0 = −1; Σ da² = 2; Σ dc² = 2 → ρ = −1/2
        assertThat(correlation.between(series(1, 2, 3), series(3, 1, 2)).rho()).isCloseTo(-0.5, within(1e-12));
    }

    @Test
    void tooLittleOverlapOrAConstantSeriesLeavesTheCorrelationUndefined() {
        assertThat(correlation.between(series(1, 2), series(2, 4)).rho()).isNull();
        assertThat(correlation.between(series(1, 2, 3), series(5, 5, 5)).rho()).isNull();
    }

    @Test
    void identicalPatternsFormOneFactorAndTheLesserOneIsRedundant() {
        var a = new PatternSeries("bucket:3", 12, 1.0, series(1, -2, 3, 0, 2));
        var b = new PatternSeries("vol:high", 12, 0.9, series(1, -2, 3, 0, 2));
        var unrelated = new PatternSeries("vol:low", 20, 0.5, series(1, 1, -1, -1, 1));

        var factors = clustering.factors(List.of(a, b, unrelated));

        // rank: vol:low (20 samples), then bucket:3 and vol:high (12 each, by key)
        assertThat(factors).hasSize(2);
        assertThat(factors.get(0).representative()).isEqualTo("vol:low");
        assertThat(factors.get(0).meanAbsCorrelation()).isNull();
        var shared = factors.get(1);
        assertThat(shared.representative()).isEqualTo("bucket:3");
        assertThat(shared.meanAbsCorrelation()).isCloseTo(1.0, within(1e-12));
        assertThat(shared.members())
                .extracting(m -> m.pattern(), m -> m.redundant())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("bucket:3", false),
                        org.assertj.core.groups.Tuple.tuple("vol:high", true));
        assertThat(shared.members().get(1).correlation()).isCloseTo(1.0, within(1e-12));
        assertThat(shared.members().get(1).overlap()).isEqualTo(5);
    }

    @Test
    void aMirrorImageMeasuresTheSameFactor() {
        var up = new PatternSeries("a", 5, 1.0, series(1, 2, 3, 4));
        var down = new PatternSeries("b", 5, -1.0, series(-1, -2, -3, -4));

        var factors = clustering.factors(List.of(up, down));

        assertThat(factors).singleElement().satisfies(f -> {
            assertThat(f.members().get(1).correlation()).isCloseTo(-1.0, within(1e-12));
            assertThat(f.members().get(1).redundant()).isTrue();
        });
    }

    @Test
    void averageLinkageKeepsAWeaklyLinkedPatternOut() {
        // x and y are identical; z correlates with x and y at ρ = 0.5 only:
        // x = y = 1, 2, 3 (dev −1, 0, 1), z = 3, 1, 2 gives −0.5 by hand (see pearsonByHand) → link 0.5 < 0.8
        var x = new PatternSeries("x", 3, 0, series(1, 2, 3));
        var y = new PatternSeries("y", 3, 0, series(1, 2, 3));
        var z = new PatternSeries("z", 3, 0, series(3, 1, 2));

        var factors = clustering.factors(List.of(z, y, x));

        assertThat(factors).extracting(f -> f.representative()).containsExactly("x", "z");
        assertThat(factors.get(0).members()).extracting(m -> m.pattern()).containsExactly("x", "y");
    }

    @Test
    void theResultDoesNotDependOnInputOrder() {
        var a = new PatternSeries("a", 4, 0, series(1, 2, 3, 5));
        var b = new PatternSeries("b", 4, 0, series(1, 2, 3, 4.5));
        var c = new PatternSeries("c", 4, 0, series(2, 2, 1, 2));

        assertThat(clustering.factors(List.of(a, b, c))).isEqualTo(clustering.factors(List.of(c, b, a)));
    }
}
