package io.qswarm.federation.transport;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Decides whether a received packet may act here. In this order, each refusal a {@link PacketRefusedException}:
 *
 * <ol>
 *   <li>the sender is a registered peer ({@link PacketRefusal#UNKNOWN_PEER});
 *   <li>its signature verifies with that peer's key over the packet's canonical bytes
 *       ({@link PacketRefusal#BAD_SIGNATURE}: forged, or any field changed after signing);
 *   <li>it is addressed to this deployment ({@link PacketRefusal#WRONG_RECEIVER});
 *   <li>it was issued within the replay window around now ({@link PacketRefusal#STALE_PACKET});
 *   <li>its nonce is new for that sender ({@link PacketRefusal#REPLAYED_NONCE}); only now is the nonce recorded.
 * </ol>
 *
 * The claims a packet makes about itself (receiver, time, nonce) are believed only once its signature verified, and
 * nothing is recorded for a packet that fails the first four checks. Size limits are checked before parsing, by the
 * transport ({@link #requireSize}).
 */
public final class PacketAdmission {

    public static final Duration MAX_WINDOW = Duration.ofHours(1);

    private final PeerId self;
    private final PeerDirectory peers;
    private final NonceLedger nonces;
    private final Clock clock;
    private final Duration window;

    /**
     * @param window how far a packet's {@code issuedAt} may lie from now, either way (clock skew plus transit time)
     */
    public PacketAdmission(PeerId self, PeerDirectory peers, NonceLedger nonces, Clock clock, Duration window) {
        if (window == null || window.isNegative() || window.isZero() || window.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("the replay window must be in (0, " + MAX_WINDOW + "], was " + window);
        }
        this.self = self;
        this.peers = peers;
        this.nonces = nonces;
        this.clock = clock;
        this.window = window;
    }

    public PeerId self() {
        return self;
    }

    public Duration window() {
        return window;
    }

    /** Admits the packet or throws the first refusal; on success its nonce is recorded as used. */
    public <P extends SignedPacket> P admit(P packet) {
        PacketHeader header = packet.header();
        PeerKey key = peers.keyOf(header.sender())
                .orElseThrow(() -> new PacketRefusedException(
                        PacketRefusal.UNKNOWN_PEER,
                        "'" + header.sender() + "' is not a registered peer of " + self
                                + "; register its id, URL and public key first"));
        if (!verifies(key, packet)) {
            throw new PacketRefusedException(
                    PacketRefusal.BAD_SIGNATURE,
                    "the signature does not verify with the key of '" + header.sender() + "' (" + key.keyId()
                            + "): the packet was forged or changed after signing");
        }
        if (!header.receiver().equals(self)) {
            throw new PacketRefusedException(
                    PacketRefusal.WRONG_RECEIVER,
                    "the packet is addressed to '" + header.receiver() + "', this is '" + self + "'");
        }
        Instant now = clock.instant();
        Duration skew = Duration.between(now, header.issuedAt()).abs();
        if (skew.compareTo(window) > 0) {
            throw new PacketRefusedException(
                    PacketRefusal.STALE_PACKET,
                    "the packet was issued at " + header.issuedAt() + ", " + skew.toSeconds() + " s from now (" + now
                            + "); the window is ±" + window.toSeconds() + " s");
        }
        if (!nonces.firstUse(header.sender(), header.nonce(), header.issuedAt())) {
            throw new PacketRefusedException(
                    PacketRefusal.REPLAYED_NONCE,
                    "'" + header.sender() + "' already used nonce " + header.nonce() + ": a replayed packet");
        }
        nonces.forgetIssuedBefore(now.minus(window));
        return packet;
    }

    /** Refuses a packet of {@code bytes} over {@code maxBytes} before it is parsed. */
    public static void requireSize(long bytes, long maxBytes) {
        if (bytes > maxBytes) {
            throw new PacketRefusedException(
                    PacketRefusal.PACKET_TOO_LARGE,
                    "a packet of " + bytes + " bytes exceeds the limit of " + maxBytes + " bytes");
        }
    }

    static boolean verifies(PeerKey key, SignedPacket packet) {
        try {
            Signature signature = Signature.getInstance(PeerKey.ALGORITHM);
            signature.initVerify(key.publicKey());
            signature.update(packet.canonicalBytes());
            return signature.verify(Base64.getDecoder().decode(packet.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
