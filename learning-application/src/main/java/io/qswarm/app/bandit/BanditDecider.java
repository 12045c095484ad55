package io.qswarm.app.bandit;

import io.qswarm.intelligence.bandit.BanditPosterior;
import io.qswarm.intelligence.bandit.Decision;
import io.qswarm.intelligence.bandit.LinUcb;
import io.qswarm.intelligence.bandit.LinearThompsonSampling;
import io.qswarm.intelligence.bandit.api.BanditAlgorithm;
import io.qswarm.intelligence.bandit.api.BanditPolicyCreated;
import io.qswarm.intelligence.bandit.api.DecisionSource;
import io.qswarm.intelligence.bandit.api.DefaultPolicy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Where a bandit decision's randomness lives: the runtime, never the aggregate. Decision number {@code n} of policy
 * {@code p} draws from its own generator, seeded with the first 8 bytes of
 * {@code SHA-256("<seed>/<p>/<n>")} ({@code seed} is {@code qswarm.bandit.seed}), so the same policy fed the same
 * contexts and rewards decides the same way on every run, whichever node or thread decides, and one decision's draw
 * never depends on how many numbers another one used.
 *
 * <p>LinUCB is deterministic (propensity 1). LinTS draws each action's score from its posterior and records the exact
 * probability that the chosen action wins. While the drift guard is tripped the configured default policy decides: a
 * fixed action (propensity 1) or a uniform draw ({@code 1/K}).
 */
final class BanditDecider {

    /** A decision before it is recorded. */
    record Choice(String action, double propensity, DecisionSource decidedBy) {

        boolean fallback() {
            return decidedBy == DecisionSource.DEFAULT_POLICY;
        }
    }

    private final long seed;

    BanditDecider(long seed) {
        this.seed = seed;
    }

    /** The generator of decision {@code number} (1-based) of {@code policyId}. */
    RandomGenerator randomFor(String policyId, long number) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((seed + "/" + policyId + "/" + number).getBytes(StandardCharsets.UTF_8));
            return new SplittableRandom(ByteBuffer.wrap(digest).getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Decision {@code number} of the policy in context {@code x}, over {@code posterior}. */
    Choice decide(
            BanditPolicyCreated policy, BanditPosterior posterior, boolean guardTripped, double[] x, long number) {
        RandomGenerator random = randomFor(policy.policyId().value(), number);
        if (guardTripped) {
            return byDefaultPolicy(policy.defaultPolicy(), posterior, random);
        }
        Decision decision = policy.algorithm() == BanditAlgorithm.LIN_UCB
                ? new LinUcb(policy.explorationScale()).decide(posterior, x)
                : new LinearThompsonSampling(policy.explorationScale()).decide(posterior, x, random);
        return new Choice(
                posterior.actions().get(decision.action()), recordable(decision.propensity()), DecisionSource.MODEL);
    }

    private static Choice byDefaultPolicy(DefaultPolicy fallback, BanditPosterior posterior, RandomGenerator random) {
        int actions = posterior.actionCount();
        String action = fallback.kind() == DefaultPolicy.Kind.FIXED_ACTION
                ? fallback.action()
                : posterior.actions().get(random.nextInt(actions));
        return new Choice(action, fallback.probabilityOf(action, actions), DecisionSource.DEFAULT_POLICY);
    }

    /**
     * The computed propensity as a probability the policy accepts, in {@code (0, 1]}: normalisation may leave it a
     * rounding error above 1, and an action the quadrature gives 0 (more than 8.5 standard deviations behind) can
     * still win a draw, with a probability below any double's reach.
     */
    private static double recordable(double propensity) {
        return Math.min(1.0, Math.max(propensity, Double.MIN_NORMAL));
    }
}
