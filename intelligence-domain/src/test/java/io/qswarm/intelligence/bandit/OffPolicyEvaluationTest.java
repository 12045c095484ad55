package io.qswarm.intelligence.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OffPolicyEvaluationTest {

    private static final int D = 5;
    private static final int K = 4;

    private final SplittableRandom random = new SplittableRandom(31);
    private final SyntheticLinearBandit bandit = new SyntheticLinearBandit(D, K, 0.1, random);

    /** The target: greedy with respect to the true θ of all but action 0, which it never takes. */
    private final TargetPolicy target = TargetPolicy.deterministic(x -> {
        int best = 1;
        for (int k = 2; k < K; k++) {
            if (bandit.expectedReward(k, x) > bandit.expectedReward(best, x)) {
                best = k;
            }
        }
        return best;
    });

    /** Uniformly random logging, propensity 1/K. */
    private List<LoggedSample> uniformLog(int n) {
        var log = new ArrayList<LoggedSample>();
        for (int i = 0; i < n; i++) {
            double[] x = bandit.context(random);
            int a = random.nextInt(K);
            log.add(new LoggedSample(x, a, bandit.reward(a, x, random), 1.0 / K));
        }
        return log;
    }

    private double trueValue(int contexts) {
        var probabilities = new double[K];
        double sum = 0;
        var fresh = new SplittableRandom(99);
        for (int i = 0; i < contexts; i++) {
            double[] x = bandit.context(fresh);
            target.probabilities(x, probabilities);
            for (int k = 0; k < K; k++) {
                sum += probabilities[k] * bandit.expectedReward(k, x);
            }
        }
        return sum / contexts;
    }

    @Test
    void ipsAndDoublyRobustEstimateTheTargetsValueAndDrIsTighter() {
        // given
        List<LoggedSample> log = uniformLog(20_000);
        double truth = trueValue(200_000);
        // when
        var ips = OffPolicyEvaluation.inversePropensityScoring(log, target, K);
        var snips = OffPolicyEvaluation.selfNormalizedInversePropensityScoring(log, target, K);
        var dr = OffPolicyEvaluation.doublyRobust(log, target, K, 1.0, 2);
        // then each within four of its standard errors, and DR's standard error less than half of IPS's
        assertThat(ips.value()).isCloseTo(truth, within(4 * ips.standardError()));
        assertThat(snips.value()).isCloseTo(truth, within(4 * snips.standardError()));
        assertThat(dr.value()).isCloseTo(truth, within(4 * dr.standardError() + 0.002));
        assertThat(dr.standardError()).isLessThan(ips.standardError() / 2);
        assertThat(dr.samples()).isEqualTo(20_000);
    }

    @Test
    void ipsOfTheLoggingPolicyItselfIsTheMeanReward() {
        List<LoggedSample> log = uniformLog(1000);
        TargetPolicy uniform = (x, p) -> java.util.Arrays.fill(p, 1.0 / K);
        double mean = log.stream().mapToDouble(LoggedSample::reward).average().orElseThrow();

        assertThat(OffPolicyEvaluation.inversePropensityScoring(log, uniform, K).value())
                .isCloseTo(mean, within(1e-12));
    }

    @Test
    void anEmptyLogIsRefused() {
        assertThatThrownBy(() -> OffPolicyEvaluation.inversePropensityScoring(List.of(), target, K))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the log is empty");
    }
}
