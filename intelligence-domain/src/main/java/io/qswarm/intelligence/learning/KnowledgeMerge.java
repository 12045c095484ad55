package io.qswarm.intelligence.learning;

import io.qswarm.intelligence.api.MergeStrategy;
import java.util.Optional;

/**
 * Merges a peer's knowledge of one entry into the local one.
 *
 * <p>Only the peer's <em>new</em> experiences count: {@code v_new = Σ_o max(0, v_p[o] − v_l[o])}. When
 * {@code v_new = 0} the peer brings nothing the table has not already counted and the entry is unchanged, which
 * makes merging idempotent. Otherwise the visits become the per-origin maximum and the value is
 *
 * <ul>
 *   <li>{@code VISIT_WEIGHTED_MEAN}: {@code (q_l·v_l + q_p·v_new) / (v_l + v_new)}
 *   <li>{@code MAX}: {@code max(q_l, q_p)}; {@code MIN}: {@code min(q_l, q_p)}
 *   <li>{@code LEARNING_RATE}: {@code q_l + (1 − (1 − α)^v_new)·(q_p − q_l)}, with {@code α} the table's learning
 *       rate: {@code v_new} steps of size {@code α} towards the peer's value, as if the table had learned the peer's
 *       new experiences itself (ADR 0014)
 * </ul>
 *
 * An entry the table has never seen ({@code v_l = 0}) takes the peer's value under every strategy.
 */
public final class KnowledgeMerge {

    private KnowledgeMerge() {}

    /**
     * The merged knowledge, or empty when the peer adds nothing.
     *
     * @param learningRate the table's learning rate α, in (0, 1]; used by {@code LEARNING_RATE} only
     */
    public static Optional<Knowledge> merge(
            Knowledge local, Knowledge peer, MergeStrategy strategy, double learningRate) {
        if (!(learningRate > 0 && learningRate <= 1)) {
            throw new IllegalArgumentException("the learning rate α must be in (0, 1], was " + learningRate);
        }
        long fresh = local.experiencesMissingFrom(peer);
        if (fresh == 0) {
            return Optional.empty();
        }
        long localVisits = local.visits();
        double q;
        if (localVisits == 0) {
            q = peer.q();
        } else {
            q = switch (strategy) {
                case VISIT_WEIGHTED_MEAN -> (local.q() * localVisits + peer.q() * fresh) / (localVisits + fresh);
                case MAX -> Math.max(local.q(), peer.q());
                case MIN -> Math.min(local.q(), peer.q());
                case LEARNING_RATE -> towards(local.q(), peer.q(), learningRate, fresh);
            };
        }
        return Optional.of(new Knowledge(q, local.unionOfOrigins(peer)));
    }

    /**
     * The merged knowledge under a strategy that does not depend on the table's learning rate.
     *
     * @throws IllegalArgumentException for {@code LEARNING_RATE}, which needs the table's α
     */
    public static Optional<Knowledge> merge(Knowledge local, Knowledge peer, MergeStrategy strategy) {
        if (strategy == MergeStrategy.LEARNING_RATE) {
            throw new IllegalArgumentException("the learning-rate merge needs the table's learning rate α");
        }
        return merge(local, peer, strategy, 1.0);
    }

    /** {@code v} TD steps of size {@code α} from {@code q} towards {@code target}, in closed form. */
    private static double towards(double q, double target, double alpha, long v) {
        double kept =
                alpha == 1.0 ? 0.0 : StrictMath.pow(1 - alpha, v); // the same bits on every JVM: audits compare bits
        return target + kept * (q - target);
    }
}
