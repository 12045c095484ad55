package io.qswarm.intelligence.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinearPosteriorTest {

    private static final int D = 4;
    private static final double RIDGE = 0.5;

    @Test
    void aFreshPosteriorIsThePrior() {
        var posterior = new LinearPosterior(D, RIDGE);

        assertThat(posterior.inverse()).containsExactly(2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2);
        assertThat(posterior.mean()).containsOnly(0.0);
        assertThat(posterior.traceOfInverse()).isEqualTo(D / RIDGE);
    }

    @Test
    void shermanMorrisonKeepsTheInverseOfTheRidgeMatrix() {
        // given
        var random = new SplittableRandom(7);
        var posterior = new LinearPosterior(D, RIDGE);
        var statistics = SufficientStatistics.empty(D);
        // when
        for (int t = 0; t < 200; t++) {
            double[] x = gaussian(random);
            double r = random.nextGaussian();
            posterior.observe(x, r);
            statistics = statistics.plus(x, r);
        }
        // then A⁻¹ equals the direct inverse of λI + Σ x xᵀ
        double[] direct = Matrices.inverseOfPositiveDefinite(
                Matrices.ridgePlusPacked(RIDGE, statistics.sumOuterProducts(), D), D);
        double[] kept = posterior.inverse();
        for (int i = 0; i < D * D; i++) {
            assertThat(kept[i]).isCloseTo(direct[i], within(1e-12));
        }
    }

    @Test
    void theMeanIsTheRidgeRegressionSolution() {
        // given noiseless rewards of a known θ
        double[] theta = {0.5, -1.0, 2.0, 0.25};
        var random = new SplittableRandom(3);
        var posterior = new LinearPosterior(D, 1e-6);
        // when
        for (int t = 0; t < 100; t++) {
            double[] x = gaussian(random);
            posterior.observe(x, Matrices.dot(theta, x, D));
        }
        // then θ̂ = A⁻¹b recovers θ (the ridge is negligible)
        assertThat(posterior.mean()).containsExactly(theta, within(1e-6));
        assertThat(posterior.residualSumOfSquares()).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void theResidualSumOfSquaresFollowsFromTheSufficientStatistics() {
        var random = new SplittableRandom(11);
        var posterior = new LinearPosterior(D, RIDGE);
        var xs = new double[50][];
        var rs = new double[50];
        for (int t = 0; t < 50; t++) {
            xs[t] = gaussian(random);
            rs[t] = random.nextGaussian();
            posterior.observe(xs[t], rs[t]);
        }
        double[] mean = posterior.mean();
        double direct = 0;
        for (int t = 0; t < 50; t++) {
            double residual = rs[t] - Matrices.dot(mean, xs[t], D);
            direct += residual * residual;
        }

        assertThat(posterior.residualSumOfSquares()).isCloseTo(direct, within(1e-9));
    }

    @Test
    void resettingFromStatisticsGivesTheIncrementalPosteriorUpToRounding() {
        var random = new SplittableRandom(5);
        var incremental = new LinearPosterior(D, RIDGE);
        var statistics = SufficientStatistics.empty(D);
        for (int t = 0; t < 80; t++) {
            double[] x = gaussian(random);
            double r = random.nextGaussian();
            incremental.observe(x, r);
            statistics = statistics.plus(x, r);
        }
        var rebuilt = new LinearPosterior(D, RIDGE);

        rebuilt.reset(statistics);

        assertThat(rebuilt.count()).isEqualTo(80);
        assertThat(rebuilt.mean()).containsExactly(incremental.mean(), within(1e-12));
        assertThat(rebuilt.inverse()).containsExactly(incremental.inverse(), within(1e-12));
    }

    @Test
    void theInverseStaysExactlySymmetric() {
        var random = new SplittableRandom(9);
        var posterior = new LinearPosterior(D, RIDGE);
        for (int t = 0; t < 500; t++) {
            posterior.observe(gaussian(random), random.nextGaussian());
        }
        double[] inverse = posterior.inverse();
        for (int i = 0; i < D; i++) {
            for (int j = 0; j < D; j++) {
                assertThat(inverse[i * D + j]).isEqualTo(inverse[j * D + i]);
            }
        }
    }

    @Test
    void aRidgeMustBePositive() {
        assertThatThrownBy(() -> new LinearPosterior(D, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ridge");
    }

    static double[] gaussian(SplittableRandom random) {
        var x = new double[D];
        for (int i = 0; i < D; i++) {
            x[i] = random.nextGaussian();
        }
        return x;
    }
}
