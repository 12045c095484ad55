package io.qswarm.federation.transport;

import static io.qswarm.federation.fixtures.FederationFixtures.A;
import static io.qswarm.federation.fixtures.FederationFixtures.B;
import static io.qswarm.federation.fixtures.FederationFixtures.ROUND_1;
import static io.qswarm.federation.fixtures.FederationFixtures.SWARM;
import static io.qswarm.federation.fixtures.TransportFixtures.ALPHA;
import static io.qswarm.federation.fixtures.TransportFixtures.BETA;
import static io.qswarm.federation.fixtures.TransportFixtures.BETA_KEYS;
import static io.qswarm.federation.fixtures.TransportFixtures.NOW;
import static io.qswarm.federation.fixtures.TransportFixtures.betaEntries;
import static io.qswarm.federation.fixtures.TransportFixtures.keyOf;
import static io.qswarm.federation.fixtures.TransportFixtures.signer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qswarm.federation.fixtures.StorageMapper;
import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.StateKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CanonicalBytesTest {

    private static final Nonce NONCE = Nonce.from(new SplittableRandom(1));

    private static PacketHeader header(PacketKind kind) {
        return new PacketHeader(kind, BETA, ALPHA, SWARM, ROUND_1, B, NONCE, NOW);
    }

    @Test
    void theBytesStartWithTheFormatTagAndHeaderFieldsLengthPrefixed() {
        // when
        ByteBuffer bytes = ByteBuffer.wrap(CanonicalBytes.ofRequest(header(PacketKind.KNOWLEDGE_REQUEST), 12));

        // then
        assertThat(text(bytes)).isEqualTo(CanonicalBytes.FORMAT);
        assertThat(text(bytes)).isEqualTo("KNOWLEDGE_REQUEST");
        assertThat(text(bytes)).isEqualTo("beta");
        assertThat(text(bytes)).isEqualTo("alpha");
        assertThat(text(bytes)).isEqualTo("swarm-1");
        assertThat(text(bytes)).isEqualTo("swarm-1:1");
        assertThat(text(bytes)).isEqualTo("table-b");
        assertThat(text(bytes)).isEqualTo(NONCE.value());
        assertThat(bytes.getLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(bytes.getInt()).isZero();
        assertThat(bytes.getLong()).isEqualTo(12);
        assertThat(bytes.hasRemaining()).isFalse();
    }

    @Test
    void theOrderInWhichOriginsAreListedDoesNotMatter() {
        // given the same entry with its origins inserted in two orders
        var ab = new LinkedHashMap<String, Long>();
        ab.put(A.value(), 2L);
        ab.put(B.value(), 1L);
        var ba = new LinkedHashMap<String, Long>();
        ba.put(B.value(), 1L);
        ba.put(A.value(), 2L);

        // then
        assertThat(CanonicalBytes.ofContribution(header(PacketKind.CONTRIBUTION), 3, List.of(entry(ab))))
                .isEqualTo(CanonicalBytes.ofContribution(header(PacketKind.CONTRIBUTION), 3, List.of(entry(ba))));
    }

    @Test
    void fieldBoundariesAreExplicitSoShiftingCharactersBetweenFieldsChangesTheBytes() {
        // given two entries whose state and action concatenate to the same text
        var one = new PeerEntry(StateKey.of("s1"), "left", 0, 0, Map.of(B.value(), 1L));
        var other = new PeerEntry(StateKey.of("s1l"), "eft", 0, 0, Map.of(B.value(), 1L));

        // then
        assertThat(CanonicalBytes.ofContribution(header(PacketKind.CONTRIBUTION), 1, List.of(one)))
                .isNotEqualTo(CanonicalBytes.ofContribution(header(PacketKind.CONTRIBUTION), 1, List.of(other)));
    }

    @Test
    void theMergeStrategyIsSigned() {
        assertThat(CanonicalBytes.ofMerge(header(PacketKind.MERGE_REQUEST), MergeStrategy.MAX, betaEntries()))
                .isNotEqualTo(CanonicalBytes.ofMerge(
                        header(PacketKind.MERGE_REQUEST), MergeStrategy.VISIT_WEIGHTED_MEAN, betaEntries()));
    }

    @Test
    void aPacketSentAsJsonStillVerifiesAfterParsingBecauseTheBytesDependOnValuesNotSpelling() throws Exception {
        // given beta's signed packets, through JSON and back
        ObjectMapper json = StorageMapper.mapper();
        PacketSigner beta = signer(BETA, BETA_KEYS);
        var admission = new PacketAdmission(
                ALPHA,
                peer -> Optional.of(keyOf(BETA_KEYS)),
                new InMemoryNonceLedger(),
                io.qswarm.federation.fixtures.TransportFixtures.CLOCK,
                java.time.Duration.ofMinutes(2));
        List<SignedPacket> sent = List.of(
                beta.knowledgeRequest(ALPHA, SWARM, ROUND_1, B, 7),
                beta.contribution(ALPHA, SWARM, ROUND_1, B, 4, betaEntries()),
                beta.mergeRequest(ALPHA, SWARM, ROUND_1, B, MergeStrategy.MIN, betaEntries()));

        for (SignedPacket packet : sent) {
            // when
            String text = json.writeValueAsString(packet);
            SignedPacket received = json.readValue(text, packet.getClass());

            // then
            assertThat(received).isEqualTo(packet);
            assertThat(text).contains("\"sender\":\"beta\"", "\"roundId\":\"swarm-1:1\"");
            admission.admit(received);
        }
    }

    @Test
    void identicalPacketsGetIdenticalSignatures() {
        // Ed25519 is deterministic: the same seed of nonces and the same clock sign the same bytes the same way
        assertThat(signer(BETA, BETA_KEYS).contribution(ALPHA, SWARM, ROUND_1, B, 4, betaEntries()))
                .isEqualTo(signer(BETA, BETA_KEYS).contribution(ALPHA, SWARM, ROUND_1, B, 4, betaEntries()));
    }

    private static PeerEntry entry(Map<String, Long> origins) {
        return new PeerEntry(StateKey.of("s1"), "right", -1.25, 0, new TreeMap<>(origins));
    }

    private static String text(ByteBuffer bytes) {
        byte[] utf8 = new byte[bytes.getInt()];
        bytes.get(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
