package io.qswarm.app.bandit;

import static org.assertj.core.api.Assertions.assertThat;

import io.qswarm.intelligence.bandit.BanditPosterior;
import io.qswarm.intelligence.bandit.api.BanditAlgorithm;
import io.qswarm.intelligence.bandit.api.BanditPolicyCreated;
import io.qswarm.intelligence.bandit.api.BanditPolicyId;
import io.qswarm.intelligence.bandit.api.DecisionSource;
import io.qswarm.intelligence.bandit.api.DefaultPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The runtime's decisions are reproducible: the same seed, policy and decision number decide the same way. */
class BanditDeciderTest {

    private static final List<String> ACTIONS = List.of("a", "b", "c", "d");

    private static BanditPolicyCreated policy(String id, BanditAlgorithm algorithm, DefaultPolicy fallback) {
        return new BanditPolicyCreated(BanditPolicyId.of(id), ACTIONS, 3, 1.0, algorithm, 0.5, fallback, null);
    }

    /** A posterior that has seen a little of every action: LinTS still hesitates between them. */
    private static BanditPosterior aLittleLearned() {
        var posterior = new BanditPosterior(ACTIONS, 3, 1.0);
        var random = new Random(3);
        for (int i = 0; i < 20; i++) {
            double[] x = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            posterior.observe("p", i % ACTIONS.size(), x, 0.1 * x[0] + 0.3 * random.nextGaussian());
        }
        return posterior;
    }

    private static List<BanditDecider.Choice> run(long seed, BanditPolicyCreated policy, boolean tripped) {
        var decider = new BanditDecider(seed);
        BanditPosterior posterior = aLittleLearned();
        var contexts = new Random(5);
        var choices = new ArrayList<BanditDecider.Choice>();
        for (long n = 1; n <= 40; n++) {
            double[] x = {contexts.nextGaussian(), contexts.nextGaussian(), contexts.nextGaussian()};
            choices.add(decider.decide(policy, posterior, tripped, x, n));
        }
        return choices;
    }

    @Test
    void thompsonDecisionsRepeatForTheSameSeedPolicyAndDecisionNumbers() {
        BanditPolicyCreated lints = policy("ts", BanditAlgorithm.LIN_TS, DefaultPolicy.uniform());

        List<BanditDecider.Choice> first = run(1, lints, false);
        List<BanditDecider.Choice> again = run(1, lints, false);

        assertThat(again).isEqualTo(first);
        assertThat(first)
                .extracting(BanditDecider.Choice::action)
                .as("it explores")
                .hasSizeGreaterThan(1);
        assertThat(first).allSatisfy(choice -> {
            assertThat(choice.propensity()).isGreaterThan(0).isLessThanOrEqualTo(1);
            assertThat(choice.decidedBy()).isEqualTo(DecisionSource.MODEL);
        });
    }

    @Test
    void anotherSeedOrAnotherPolicyDrawsDifferently() {
        List<BanditDecider.Choice> seedOne =
                run(1, policy("ts", BanditAlgorithm.LIN_TS, DefaultPolicy.uniform()), false);

        assertThat(run(2, policy("ts", BanditAlgorithm.LIN_TS, DefaultPolicy.uniform()), false))
                .isNotEqualTo(seedOne);
        assertThat(run(1, policy("ts-2", BanditAlgorithm.LIN_TS, DefaultPolicy.uniform()), false))
                .isNotEqualTo(seedOne);
    }

    @Test
    void aDecisionsDrawDependsOnlyOnItsNumberNotOnTheDecisionsBefore() {
        var decider = new BanditDecider(7);

        double alone = decider.randomFor("ts", 12).nextDouble();
        for (int n = 1; n < 12; n++) {
            decider.randomFor("ts", n).nextGaussian();
        }

        assertThat(decider.randomFor("ts", 12).nextDouble()).isEqualTo(alone);
        assertThat(decider.randomFor("ts", 13).nextDouble()).isNotEqualTo(alone);
    }

    @Test
    void linUcbIsDeterministicWithPropensityOneWhateverTheSeed() {
        BanditPolicyCreated linucb = policy("ucb", BanditAlgorithm.LIN_UCB, DefaultPolicy.uniform());

        assertThat(run(1, linucb, false))
                .isEqualTo(run(99, linucb, false))
                .allSatisfy(choice -> assertThat(choice.propensity()).isEqualTo(1.0));
    }

    @Test
    void whileTheGuardIsTrippedTheDefaultPolicyDecidesReproducibly() {
        BanditPolicyCreated uniform = policy("ts", BanditAlgorithm.LIN_TS, DefaultPolicy.uniform());
        BanditPolicyCreated fixed = policy("ts", BanditAlgorithm.LIN_TS, DefaultPolicy.fixed("c"));

        List<BanditDecider.Choice> drawn = run(1, uniform, true);

        assertThat(run(1, uniform, true)).isEqualTo(drawn);
        assertThat(drawn).allSatisfy(choice -> {
            assertThat(choice.propensity()).isEqualTo(0.25);
            assertThat(choice.fallback()).isTrue();
        });
        assertThat(drawn).extracting(BanditDecider.Choice::action).containsAll(ACTIONS);
        assertThat(run(1, fixed, true)).allSatisfy(choice -> {
            assertThat(choice.action()).isEqualTo("c");
            assertThat(choice.propensity()).isEqualTo(1.0);
        });
    }
}
