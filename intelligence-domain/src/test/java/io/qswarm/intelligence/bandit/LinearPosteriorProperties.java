package io.qswarm.intelligence.bandit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Laws of the per-action posterior. */
class LinearPosteriorProperties {

    @Property(tries = 200)
    void shermanMorrisonEqualsTheDirectInverse(
            @ForAll @IntRange(min = 1, max = 8) int d,
            @ForAll @DoubleRange(min = 0.05, max = 10) double ridge,
            @ForAll("observations") List<double[]> observations) {
        var posterior = new LinearPosterior(d, ridge);
        var statistics = SufficientStatistics.empty(d);
        for (double[] observation : observations) {
            double[] x = java.util.Arrays.copyOf(observation, d);
            posterior.observe(x, observation[8]);
            statistics = statistics.plus(x, observation[8]);
        }

        double[] direct = Matrices.inverseOfPositiveDefinite(
                Matrices.ridgePlusPacked(ridge, statistics.sumOuterProducts(), d), d);
        double[] kept = posterior.inverse();
        double scale = 1.0 / ridge;
        for (int i = 0; i < d * d; i++) {
            assertThat(Math.abs(kept[i] - direct[i])).isLessThanOrEqualTo(1e-9 * scale);
        }
        var rebuilt = new LinearPosterior(d, ridge);
        rebuilt.reset(statistics);
        double[] mean = posterior.mean();
        double[] rebuiltMean = rebuilt.mean();
        for (int i = 0; i < d; i++) {
            assertThat(Math.abs(mean[i] - rebuiltMean[i])).isLessThanOrEqualTo(1e-8 * (1 + Math.abs(rebuiltMean[i])));
        }
    }

    @Property(tries = 100)
    void theInverseTraceNeverGrowsWithObservations(
            @ForAll @IntRange(min = 1, max = 8) int d, @ForAll("observations") List<double[]> observations) {
        var posterior = new LinearPosterior(d, 1.0);
        double previous = posterior.traceOfInverse();
        for (double[] observation : observations) {
            posterior.observe(java.util.Arrays.copyOf(observation, d), observation[8]);
            assertThat(posterior.traceOfInverse()).isLessThanOrEqualTo(previous + 1e-12);
            previous = posterior.traceOfInverse();
        }
    }

    /** Up to 60 observations, each 8 features in [-3, 3] and a reward in [-5, 5] at index 8. */
    @Provide
    Arbitrary<List<double[]>> observations() {
        Arbitrary<double[]> observation = Arbitraries.doubles()
                .between(-3, 3)
                .array(double[].class)
                .ofSize(9)
                .map(values -> {
                    values[8] = values[8] * 5 / 3;
                    return values;
                });
        return observation.list().ofMaxSize(60);
    }
}
