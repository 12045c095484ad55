package io.qswarm.benchmarks.bandit;

import io.qswarm.intelligence.bandit.BanditPosterior;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One online run: for {@code T} steps, draw a context, let the rule decide from the posterior, pay the noisy reward
 * and learn it. Contexts and rewards come from {@code streamSeed}, the rule's own randomness from
 * {@code ruleSeed}: runs with the same stream seed face the same contexts and reward noise (common random numbers).
 */
public final class RegretRun {

    /** The origin key under which the run's own observations are learned. */
    public static final String ORIGIN = "online";

    private RegretRun() {}

    public static RegretCurve run(
            LinearBanditProblem problem,
            DecisionRule rule,
            BanditPosterior start,
            List<Integer> checkpoints,
            long streamSeed,
            long ruleSeed) {
        BanditPosterior posterior = start.copy();
        var stream = new SplittableRandom(streamSeed);
        var noise = new SplittableRandom(streamSeed ^ 0x5DEECE66DL);
        var decisions = new SplittableRandom(ruleSeed);
        int horizon = checkpoints.get(checkpoints.size() - 1);
        var regret = new ArrayList<Double>();
        double cumulative = 0;
        int next = 0;
        for (int t = 1; t <= horizon; t++) {
            double[] x = problem.context(stream);
            int action = rule.choose(posterior, x, decisions);
            cumulative += problem.regret(action, x);
            posterior.observe(ORIGIN, action, x, problem.reward(action, x, noise));
            if (t == checkpoints.get(next)) {
                regret.add(cumulative);
                next++;
            }
        }
        return new RegretCurve(checkpoints, regret);
    }
}
