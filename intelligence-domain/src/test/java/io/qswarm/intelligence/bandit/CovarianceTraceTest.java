package io.qswarm.intelligence.bandit;

import static io.qswarm.intelligence.bandit.BanditFixtures.aPrior;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qswarm.intelligence.bandit.api.DriftGuard;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CovarianceTraceTest {

    private static final double PRIOR_NOISE = 0.04;

    @Test
    void beforeAnyObservationItIsActionsTimesDimensionTimesPriorNoiseOverRidge() {
        assertThat(CovarianceTrace.of(aPrior(), PRIOR_NOISE)).isCloseTo(3 * 3 * PRIOR_NOISE / 1.0, within(1e-15));
    }

    @Test
    void itShrinksWhileRewardsFitALinearModel() {
        var random = new SplittableRandom(3);
        BanditPosterior posterior = aPrior();
        double before = CovarianceTrace.of(posterior, PRIOR_NOISE);
        for (int t = 0; t < 3000; t++) {
            double[] x = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            int k = t % 3;
            posterior.observe("me", k, x, (k + 1) * 0.3 * x[0] + 0.2 * random.nextGaussian());
        }

        assertThat(CovarianceTrace.of(posterior, PRIOR_NOISE)).isLessThan(before / 50);
    }

    @Test
    void itGrowsWhenTheRewardsDrift() {
        // given a policy that learned a stable linear reward
        var random = new SplittableRandom(5);
        BanditPosterior posterior = aPrior();
        for (int t = 0; t < 600; t++) {
            double[] x = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            posterior.observe("me", t % 3, x, 0.5 * x[0] + 0.1 * random.nextGaussian());
        }
        double settled = CovarianceTrace.of(posterior, PRIOR_NOISE);
        // when the reward flips sign
        for (int t = 0; t < 300; t++) {
            double[] x = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            posterior.observe("me", t % 3, x, -0.5 * x[0] + 0.1 * random.nextGaussian());
        }
        // then the noise-scaled covariance no longer fits: its trace grows although there are more observations
        assertThat(CovarianceTrace.of(posterior, PRIOR_NOISE)).isGreaterThan(3 * settled);
    }

    @Test
    void aTraceAboveTheBoundOrNotFiniteTripsAndOnlyNinetyPercentClears() {
        var guard = new DriftGuard(1.0, PRIOR_NOISE);

        assertThat(CovarianceTrace.trips(1.01, guard)).isTrue();
        assertThat(CovarianceTrace.trips(Double.NaN, guard)).isTrue();
        assertThat(CovarianceTrace.trips(1.0, guard)).isFalse();
        assertThat(CovarianceTrace.clears(0.95, guard)).isFalse();
        assertThat(CovarianceTrace.clears(0.9, guard)).isTrue();
    }
}
