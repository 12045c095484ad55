package io.qswarm.federation.transport;

import io.qswarm.federation.api.RoundId;
import io.qswarm.federation.api.SwarmId;
import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.QTableId;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/**
 * Signs the packets this deployment sends, with its Ed25519 private key. Ed25519 signatures are deterministic: the
 * same packet always gets the same signature. Each packet gets a fresh nonce and the clock's time, truncated to
 * milliseconds.
 */
public final class PacketSigner {

    private final PeerId self;
    private final PrivateKey key;
    private final Clock clock;
    private final Supplier<Nonce> nonces;

    /**
     * @param nonces fresh nonces, e.g. {@code () -> Nonce.from(secureRandom)}
     */
    public PacketSigner(PeerId self, PrivateKey key, Clock clock, Supplier<Nonce> nonces) {
        this.self = self;
        this.key = key;
        this.clock = clock;
        this.nonces = nonces;
        sign(new byte[0]);
    }

    public PeerId self() {
        return self;
    }

    public KnowledgeRequestPacket knowledgeRequest(
            PeerId receiver, SwarmId swarm, RoundId round, QTableId participant, long sinceVersion) {
        PacketHeader header = header(PacketKind.KNOWLEDGE_REQUEST, receiver, swarm, round, participant);
        return new KnowledgeRequestPacket(header, sinceVersion, sign(CanonicalBytes.ofRequest(header, sinceVersion)));
    }

    public ContributionPacket contribution(
            PeerId receiver,
            SwarmId swarm,
            RoundId round,
            QTableId participant,
            long tableVersion,
            List<PeerEntry> entries) {
        PacketHeader header = header(PacketKind.CONTRIBUTION, receiver, swarm, round, participant);
        return new ContributionPacket(
                header, tableVersion, entries, sign(CanonicalBytes.ofContribution(header, tableVersion, entries)));
    }

    public MergeRequestPacket mergeRequest(
            PeerId receiver,
            SwarmId swarm,
            RoundId round,
            QTableId participant,
            MergeStrategy tableMerge,
            List<PeerEntry> entries) {
        PacketHeader header = header(PacketKind.MERGE_REQUEST, receiver, swarm, round, participant);
        return new MergeRequestPacket(
                header, tableMerge, entries, sign(CanonicalBytes.ofMerge(header, tableMerge, entries)));
    }

    /** Signs {@code bytes} (already canonical) and answers the base64 signature. */
    public String sign(byte[] bytes) {
        try {
            Signature signature = Signature.getInstance(PeerKey.ALGORITHM);
            signature.initSign(key);
            signature.update(bytes);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with this key: it must be an Ed25519 private key", e);
        }
    }

    private PacketHeader header(PacketKind kind, PeerId receiver, SwarmId swarm, RoundId round, QTableId participant) {
        return new PacketHeader(
                kind,
                self,
                receiver,
                swarm,
                round,
                participant,
                nonces.get(),
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @Override
    public String toString() {
        return "PacketSigner[" + self + "]";
    }
}
