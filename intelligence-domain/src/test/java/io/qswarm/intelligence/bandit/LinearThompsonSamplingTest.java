package io.qswarm.intelligence.bandit;

import static io.qswarm.intelligence.bandit.BanditFixtures.aPrior;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinearThompsonSamplingTest {

    private final LinearThompsonSampling sampling = new LinearThompsonSampling(0.5);

    /** Three actions with different means and spreads in context {@code x}. */
    private BanditPosterior trained(double[] x) {
        BanditPosterior posterior = aPrior();
        var random = new SplittableRandom(4);
        for (int t = 0; t < 30; t++) {
            double[] z = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            posterior.observe("me", 0, z, 0.3 * z[0] + 0.1 * random.nextGaussian());
            if (t % 3 == 0) {
                posterior.observe("me", 1, z, 0.4 * z[0] - 0.2 * z[1] + 0.1 * random.nextGaussian());
            }
            if (t % 10 == 0) {
                posterior.observe("me", 2, z, 0.1 * z[2]);
            }
        }
        return posterior;
    }

    @Test
    void theSameSeedGivesTheSameDecisions() {
        double[] x = {1, 0.5, -0.5};
        BanditPosterior posterior = trained(x);
        var first = new SplittableRandom(42);
        var second = new SplittableRandom(42);
        for (int i = 0; i < 100; i++) {
            assertThat(sampling.choose(posterior, x, first)).isEqualTo(sampling.choose(posterior, x, second));
        }
    }

    @Test
    void sampledParametersCentreOnThePosteriorMeanWithCovarianceVSquaredTimesTheInverse() {
        // given
        double[] x = {1, 0.5, -0.5};
        BanditPosterior posterior = trained(x);
        var random = new SplittableRandom(8);
        int draws = 200_000;
        var sum = new double[3];
        var outer = new double[9];
        // when
        for (int n = 0; n < draws; n++) {
            double[] theta = sampling.sampleParameters(posterior, 1, random);
            for (int i = 0; i < 3; i++) {
                sum[i] += theta[i];
            }
            double[] mean = posterior.posterior(1).mean();
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    outer[i * 3 + j] += (theta[i] - mean[i]) * (theta[j] - mean[j]);
                }
            }
        }
        // then
        double[] mean = posterior.posterior(1).mean();
        double[] inverse = posterior.posterior(1).inverse();
        for (int i = 0; i < 3; i++) {
            assertThat(sum[i] / draws).isCloseTo(mean[i], within(0.01));
            for (int j = 0; j < 3; j++) {
                assertThat(outer[i * 3 + j] / draws).isCloseTo(0.25 * inverse[i * 3 + j], within(0.01));
            }
        }
    }

    @Test
    void scoreDrawsAndParameterDrawsChooseWithTheSameProbabilities() {
        // given
        double[] x = {1, 0.5, -0.5};
        BanditPosterior posterior = trained(x);
        int draws = 100_000;
        var byScore = new double[3];
        var byParameters = new double[3];
        var random = new SplittableRandom(15);
        // when
        for (int n = 0; n < draws; n++) {
            byScore[sampling.choose(posterior, x, random)] += 1.0 / draws;
            byParameters[sampling.chooseBySampledParameters(posterior, x, random)] += 1.0 / draws;
        }
        // then both match the exact propensities within Monte Carlo error (sd ≤ 0.0016)
        double[] exact = sampling.propensities(posterior, x);
        assertThat(byScore).containsExactly(exact, within(0.007));
        assertThat(byParameters).containsExactly(exact, within(0.007));
        assertThat(exact[0] + exact[1] + exact[2]).isCloseTo(1.0, within(1e-12));
        for (double p : exact) {
            assertThat(p).isBetween(0.01, 0.99);
        }
    }

    @Test
    void propensitiesMatchMonteCarloForManyEvenlyMatchedActions() {
        // given ten actions whose scores overlap, with spreads differing by 30x
        var names = new java.util.ArrayList<String>();
        for (int k = 0; k < 10; k++) {
            names.add("a" + k);
        }
        var posterior = new BanditPosterior(names, 1, 1.0);
        double[] x = {1.0};
        for (int k = 0; k < 10; k++) {
            for (int n = 0; n < k * k * 10; n++) {
                posterior.observe("me", k, x, 0.01 * k);
            }
        }
        var wide = new LinearThompsonSampling(1.0);
        var counts = new double[10];
        var random = new SplittableRandom(23);
        int draws = 400_000;
        for (int n = 0; n < draws; n++) {
            counts[wide.choose(posterior, x, random)] += 1.0 / draws;
        }

        assertThat(wide.propensities(posterior, x)).containsExactly(counts, within(0.004));
    }

    @Test
    void withoutSpreadTheChoiceIsTheGreedyOneWithPropensityOne() {
        double[] x = {1, 0.5, -0.5};
        BanditPosterior posterior = trained(x);
        var greedy = new LinearThompsonSampling(0.0);
        int best = new LinUcb(0.0).choose(posterior, x);

        Decision decision = greedy.decide(posterior, x, new SplittableRandom(1));

        assertThat(decision).isEqualTo(new Decision(best, 1.0));
    }

    @Test
    void itLearnsToPickTheBestActionOfALinearBandit() {
        var random = new SplittableRandom(2);
        var bandit = new SyntheticLinearBandit(5, 4, 0.1, random);
        var posterior = new BanditPosterior(bandit.actionNames(), 5, 1.0);
        var thompson = new LinearThompsonSampling(0.1);
        double earlyRegret = 0;
        double lateRegret = 0;
        for (int t = 0; t < 4000; t++) {
            double[] context = bandit.context(random);
            int action = thompson.choose(posterior, context, random);
            posterior.observe("sim", action, context, bandit.reward(action, context, random));
            if (t < 500) {
                earlyRegret += bandit.regret(action, context);
            } else if (t >= 3500) {
                lateRegret += bandit.regret(action, context);
            }
        }

        assertThat(lateRegret).isLessThan(earlyRegret / 5);
    }
}
