package io.qswarm.federation.transport;

import io.qswarm.intelligence.api.MergePeerKnowledge;
import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.api.PeerEntry;
import java.util.List;

/**
 * The aggregate a round computed for a remote participant, sent to the peer that hosts its table. After admission it
 * becomes a {@link MergePeerKnowledge} into that table, with the swarm as peer and the round id, exactly like the
 * merge the round saga sends to a local participant.
 */
public record MergeRequestPacket(
        PacketHeader header, MergeStrategy tableMerge, List<PeerEntry> entries, String signature)
        implements SignedPacket {

    public MergeRequestPacket {
        if (header == null) {
            throw new IllegalArgumentException("header is required");
        }
        header.requireKind(PacketKind.MERGE_REQUEST);
        if (tableMerge == null) {
            throw new IllegalArgumentException("tableMerge is required");
        }
        entries = toMerge(header, tableMerge, entries).entries();
        SignedPacket.validSignature(signature);
    }

    /** The command this packet becomes once admitted. */
    public MergePeerKnowledge toMerge() {
        return toMerge(header, tableMerge, entries);
    }

    private static MergePeerKnowledge toMerge(PacketHeader header, MergeStrategy strategy, List<PeerEntry> entries) {
        return new MergePeerKnowledge(
                header.participant(), header.swarmId().value(), header.roundId().value(), strategy, entries);
    }

    @Override
    public byte[] canonicalBytes() {
        return CanonicalBytes.ofMerge(header, tableMerge, entries);
    }

    @Override
    public int entryCount() {
        return entries.size();
    }
}
