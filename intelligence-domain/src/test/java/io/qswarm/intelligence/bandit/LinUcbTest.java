package io.qswarm.intelligence.bandit;

import static io.qswarm.intelligence.bandit.BanditFixtures.aPrior;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinUcbTest {

    private final double[] x = {1.0, 0.0, 0.0};

    @Test
    void theScoreIsTheMeanPlusAlphaTimesTheStandardDeviation() {
        // given action 0 observed twice with reward 1 in context x
        BanditPosterior posterior = aPrior();
        posterior.observe("me", 0, x, 1.0);
        posterior.observe("me", 0, x, 1.0);

        // then with A = I + 2 x xᵀ: θ̂ᵀx = 2/3 and xᵀA⁻¹x = 1/3
        assertThat(new LinUcb(0.5).score(posterior, 0, x)).isCloseTo(2.0 / 3 + 0.5 * Math.sqrt(1.0 / 3), within(1e-12));
        assertThat(new LinUcb(0.5).score(posterior, 1, x)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void aLargeAlphaPrefersTheUnexploredAction() {
        BanditPosterior posterior = aPrior();
        posterior.observe("me", 0, x, 0.2);

        assertThat(new LinUcb(0.0).choose(posterior, x)).isEqualTo(0);
        assertThat(new LinUcb(2.0).choose(posterior, x)).isEqualTo(1);
    }

    @Test
    void tiesGoToTheLowestIndexAndDecisionsAreDeterministic() {
        assertThat(new LinUcb(1.0).decide(aPrior(), x)).isEqualTo(new Decision(0, 1.0));
    }

    @Test
    void itLearnsToPickTheBestActionOfALinearBandit() {
        // given
        var random = new SplittableRandom(1);
        var bandit = new SyntheticLinearBandit(5, 4, 0.1, random);
        var posterior = new BanditPosterior(bandit.actionNames(), 5, 1.0);
        var ucb = new LinUcb(0.3);
        // when
        double earlyRegret = 0;
        double lateRegret = 0;
        for (int t = 0; t < 4000; t++) {
            double[] context = bandit.context(random);
            int action = ucb.choose(posterior, context);
            posterior.observe("sim", action, context, bandit.reward(action, context, random));
            if (t < 500) {
                earlyRegret += bandit.regret(action, context);
            } else if (t >= 3500) {
                lateRegret += bandit.regret(action, context);
            }
        }
        // then the last 500 steps lose far less than the first 500
        assertThat(lateRegret).isLessThan(earlyRegret / 5);
    }
}
