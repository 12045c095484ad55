package io.qswarm.federation.transport;

import io.qswarm.federation.api.ContributeKnowledge;
import io.qswarm.intelligence.api.PeerEntry;
import java.util.List;

/**
 * A peer's answer to a {@link KnowledgeRequestPacket}: the entries of the participant's table changed since the
 * requested version, and the version they were read from. After admission it enters the round as a
 * {@link ContributeKnowledge} (whose checks the entries must pass: visits per origin, no duplicates).
 */
public record ContributionPacket(PacketHeader header, long tableVersion, List<PeerEntry> entries, String signature)
        implements SignedPacket {

    public ContributionPacket {
        if (header == null) {
            throw new IllegalArgumentException("header is required");
        }
        header.requireKind(PacketKind.CONTRIBUTION);
        entries = toContribution(header, tableVersion, entries).entries();
        SignedPacket.validSignature(signature);
    }

    /** The command this packet becomes once admitted. */
    public ContributeKnowledge toContribution() {
        return toContribution(header, tableVersion, entries);
    }

    private static ContributeKnowledge toContribution(PacketHeader header, long tableVersion, List<PeerEntry> entries) {
        return new ContributeKnowledge(header.swarmId(), header.roundId(), header.participant(), tableVersion, entries);
    }

    @Override
    public byte[] canonicalBytes() {
        return CanonicalBytes.ofContribution(header, tableVersion, entries);
    }

    @Override
    public int entryCount() {
        return entries.size();
    }
}
