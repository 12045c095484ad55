package io.qswarm.federation.transport;

import io.qswarm.federation.api.RoundId;
import io.qswarm.federation.api.SwarmId;
import io.qswarm.intelligence.api.Checks;
import io.qswarm.intelligence.api.QTableId;
import java.time.Instant;

/**
 * What every packet is bound to, and signed with: its kind, who sends it to whom, the swarm, round and participant it
 * is about, a nonce used once and the time it was issued.
 */
public record PacketHeader(
        PacketKind kind,
        PeerId sender,
        PeerId receiver,
        SwarmId swarmId,
        RoundId roundId,
        QTableId participant,
        Nonce nonce,
        Instant issuedAt) {

    public PacketHeader {
        Checks.required("kind", kind);
        Checks.required("sender", sender);
        Checks.required("receiver", receiver);
        Checks.required("swarmId", swarmId);
        Checks.required("roundId", roundId);
        Checks.required("participant", participant);
        Checks.required("nonce", nonce);
        Checks.required("issuedAt", issuedAt);
        if (sender.equals(receiver)) {
            throw new IllegalArgumentException("a packet goes to another peer, but sender and receiver are " + sender);
        }
        if (!roundId.value().startsWith(swarmId.value() + ":")) {
            throw new IllegalArgumentException("round " + roundId + " is not a round of swarm " + swarmId);
        }
    }

    void requireKind(PacketKind expected) {
        if (kind != expected) {
            throw new IllegalArgumentException("a " + expected + " packet must say so in its header, said " + kind);
        }
    }
}
