package io.qswarm.federation.transport;

/**
 * Asks the receiver for the knowledge of {@code header.participant()}, a table it hosts: the entries changed since
 * {@code sinceVersion} (0: everything), to be sent back as a {@link ContributionPacket} for the same round.
 */
public record KnowledgeRequestPacket(PacketHeader header, long sinceVersion, String signature) implements SignedPacket {

    public KnowledgeRequestPacket {
        if (header == null) {
            throw new IllegalArgumentException("header is required");
        }
        header.requireKind(PacketKind.KNOWLEDGE_REQUEST);
        if (sinceVersion < 0) {
            throw new IllegalArgumentException("sinceVersion must not be negative, was " + sinceVersion);
        }
        SignedPacket.validSignature(signature);
    }

    @Override
    public byte[] canonicalBytes() {
        return CanonicalBytes.ofRequest(header, sinceVersion);
    }

    @Override
    public int entryCount() {
        return 0;
    }
}
