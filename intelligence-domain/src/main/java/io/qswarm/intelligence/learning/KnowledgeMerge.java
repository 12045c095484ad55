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
 * </ul>
 *
 * An entry the table has never seen ({@code v_l = 0}) takes the peer's value under every strategy.
 */
public final class KnowledgeMerge {

    private KnowledgeMerge() {}

    /** The merged knowledge, or empty when the peer adds nothing. */
    public static Optional<Knowledge> merge(Knowledge local, Knowledge peer, MergeStrategy strategy) {
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
            };
        }
        return Optional.of(new Knowledge(q, local.unionOfOrigins(peer)));
    }
}
