package io.qswarm.federation.transport;

import java.time.Instant;

/**
 * The nonces each peer has used, so every packet is accepted once. A nonce only needs remembering while its packet's
 * timestamp is inside the replay window: afterwards the timestamp alone refuses it.
 */
public interface NonceLedger {

    /** Records the nonce; {@code false} when {@code sender} had already used it. Atomic. */
    boolean firstUse(PeerId sender, Nonce nonce, Instant issuedAt);

    /** Forgets the nonces of packets issued before {@code instant}. */
    void forgetIssuedBefore(Instant instant);
}
