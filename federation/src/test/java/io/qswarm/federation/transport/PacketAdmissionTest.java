package io.qswarm.federation.transport;

import static io.qswarm.federation.fixtures.FederationFixtures.B;
import static io.qswarm.federation.fixtures.FederationFixtures.ROUND_1;
import static io.qswarm.federation.fixtures.FederationFixtures.SWARM;
import static io.qswarm.federation.fixtures.TransportFixtures.ALPHA;
import static io.qswarm.federation.fixtures.TransportFixtures.BETA;
import static io.qswarm.federation.fixtures.TransportFixtures.BETA_KEYS;
import static io.qswarm.federation.fixtures.TransportFixtures.CLOCK;
import static io.qswarm.federation.fixtures.TransportFixtures.MALLORY;
import static io.qswarm.federation.fixtures.TransportFixtures.MALLORY_KEYS;
import static io.qswarm.federation.fixtures.TransportFixtures.NOW;
import static io.qswarm.federation.fixtures.TransportFixtures.betaEntries;
import static io.qswarm.federation.fixtures.TransportFixtures.keyOf;
import static io.qswarm.federation.fixtures.TransportFixtures.signer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qswarm.federation.api.RoundId;
import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.StateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Alpha receives packets; beta is its registered peer; mallory is not. */
class PacketAdmissionTest {

    private static final Duration WINDOW = Duration.ofSeconds(120);

    private final InMemoryNonceLedger nonces = new InMemoryNonceLedger();
    private final PeerDirectory registry = peer -> peer.equals(BETA) ? Optional.of(keyOf(BETA_KEYS)) : Optional.empty();
    private final PacketAdmission alpha = new PacketAdmission(ALPHA, registry, nonces, CLOCK, WINDOW);

    private static ContributionPacket betasContribution() {
        return signer(BETA, BETA_KEYS).contribution(ALPHA, SWARM, ROUND_1, B, 4, betaEntries());
    }

    private void refused(SignedPacket packet, PacketRefusal refusal) {
        assertThatThrownBy(() -> alpha.admit(packet))
                .isInstanceOfSatisfying(PacketRefusedException.class, e -> assertThat(e.refusal())
                        .isEqualTo(refusal));
    }

    @Test
    void aSignedFreshPacketFromAPeerIsAdmittedAndItsNonceRecorded() {
        // given
        ContributionPacket packet = betasContribution();

        // when
        ContributionPacket admitted = alpha.admit(packet);

        // then
        assertThat(admitted).isSameAs(packet);
        assertThat(nonces.size()).isEqualTo(1);
        assertThat(admitted.toContribution().participant()).isEqualTo(B);
        assertThat(admitted.toContribution().entries()).isEqualTo(betaEntries());
    }

    @Test
    void everyKindOfPacketVerifies() {
        // given
        PacketSigner beta = signer(BETA, BETA_KEYS);

        // when / then
        alpha.admit(beta.knowledgeRequest(ALPHA, SWARM, ROUND_1, B, 12));
        alpha.admit(beta.mergeRequest(ALPHA, SWARM, ROUND_1, B, MergeStrategy.MAX, betaEntries()));
        assertThat(nonces.size()).isEqualTo(2);
    }

    @Nested
    class Refusals {

        @Test
        void aPacketFromAnUnregisteredPeerIsRefused() {
            refused(
                    signer(MALLORY, MALLORY_KEYS).contribution(ALPHA, SWARM, ROUND_1, B, 4, betaEntries()),
                    PacketRefusal.UNKNOWN_PEER);
            assertThat(nonces.size()).isZero();
        }

        @Test
        void aPacketSignedWithAnotherKeyThanTheSendersIsRefused() {
            // given mallory signs in beta's name
            ContributionPacket forged =
                    signer(BETA, MALLORY_KEYS).contribution(ALPHA, SWARM, ROUND_1, B, 4, betaEntries());

            // then
            refused(forged, PacketRefusal.BAD_SIGNATURE);
            assertThat(nonces.size()).isZero();
        }

        @Test
        void changingAnyEntryAfterSigningBreaksTheSignature() {
            ContributionPacket signed = betasContribution();
            List<List<PeerEntry>> tampered = List.of(
                    withFirst(signed, new PeerEntry(StateKey.of("s0"), "left", 0.51, 0, Map.of(B.value(), 3L))),
                    withFirst(signed, new PeerEntry(StateKey.of("s0"), "left", 0.5, 0, Map.of(B.value(), 30L))),
                    withFirst(signed, new PeerEntry(StateKey.of("s9"), "left", 0.5, 0, Map.of(B.value(), 3L))),
                    withFirst(signed, new PeerEntry(StateKey.of("s0"), "right", 0.5, 0, Map.of(B.value(), 3L))),
                    withFirst(signed, new PeerEntry(StateKey.of("s0"), "left", 0.5, 0, Map.of("table-x", 3L))),
                    signed.entries().subList(0, 1),
                    List.of(signed.entries().get(1), signed.entries().get(0)));
            for (List<PeerEntry> entries : tampered) {
                refused(
                        new ContributionPacket(signed.header(), signed.tableVersion(), entries, signed.signature()),
                        PacketRefusal.BAD_SIGNATURE);
            }
            refused(
                    new ContributionPacket(signed.header(), 5, signed.entries(), signed.signature()),
                    PacketRefusal.BAD_SIGNATURE);
            assertThat(nonces.size()).isZero();
        }

        @Test
        void changingAnyHeaderFieldAfterSigningBreaksTheSignature() {
            ContributionPacket signed = betasContribution();
            PacketHeader h = signed.header();
            List<PacketHeader> tampered = List.of(
                    new PacketHeader(
                            h.kind(),
                            h.sender(),
                            h.receiver(),
                            h.swarmId(),
                            RoundId.of(SWARM, 2),
                            h.participant(),
                            h.nonce(),
                            h.issuedAt()),
                    new PacketHeader(
                            h.kind(),
                            h.sender(),
                            h.receiver(),
                            h.swarmId(),
                            h.roundId(),
                            io.qswarm.intelligence.api.QTableId.of("table-c"),
                            h.nonce(),
                            h.issuedAt()),
                    new PacketHeader(
                            h.kind(),
                            h.sender(),
                            h.receiver(),
                            h.swarmId(),
                            h.roundId(),
                            h.participant(),
                            Nonce.from(new java.util.SplittableRandom(99)),
                            h.issuedAt()),
                    new PacketHeader(
                            h.kind(),
                            h.sender(),
                            h.receiver(),
                            h.swarmId(),
                            h.roundId(),
                            h.participant(),
                            h.nonce(),
                            h.issuedAt().plusMillis(1)));
            for (PacketHeader header : tampered) {
                refused(
                        new ContributionPacket(header, signed.tableVersion(), signed.entries(), signed.signature()),
                        PacketRefusal.BAD_SIGNATURE);
            }
        }

        @Test
        void aSignatureForOneKindIsWorthlessForAnother() {
            // given beta's signed request, re-labelled as a merge request with the same fields
            KnowledgeRequestPacket request = signer(BETA, BETA_KEYS).knowledgeRequest(ALPHA, SWARM, ROUND_1, B, 0);
            PacketHeader h = request.header();
            var relabelled = new PacketHeader(
                    PacketKind.MERGE_REQUEST,
                    h.sender(),
                    h.receiver(),
                    h.swarmId(),
                    h.roundId(),
                    h.participant(),
                    h.nonce(),
                    h.issuedAt());

            // then
            refused(
                    new MergeRequestPacket(relabelled, MergeStrategy.MAX, betaEntries(), request.signature()),
                    PacketRefusal.BAD_SIGNATURE);
        }

        @Test
        void aPacketForAnotherPeerIsRefusedEvenWhenItsSignatureIsGood() {
            // given beta's packet to gamma, replayed to alpha by whoever intercepted it
            ContributionPacket toGamma =
                    signer(BETA, BETA_KEYS).contribution(PeerId.of("gamma"), SWARM, ROUND_1, B, 4, betaEntries());

            // then
            refused(toGamma, PacketRefusal.WRONG_RECEIVER);
            assertThat(nonces.size()).isZero();
        }

        @Test
        void aPacketIssuedOutsideTheWindowIsRefusedInThePastAndInTheFuture() {
            Clock late = Clock.fixed(NOW.minus(WINDOW).minusSeconds(1), ZoneOffset.UTC);
            Clock early = Clock.fixed(NOW.plus(WINDOW).plusSeconds(1), ZoneOffset.UTC);
            refused(
                    signer(BETA, BETA_KEYS, late, 1).contribution(ALPHA, SWARM, ROUND_1, B, 4, betaEntries()),
                    PacketRefusal.STALE_PACKET);
            refused(
                    signer(BETA, BETA_KEYS, early, 2).contribution(ALPHA, SWARM, ROUND_1, B, 4, betaEntries()),
                    PacketRefusal.STALE_PACKET);
            assertThat(nonces.size()).isZero();
        }

        @Test
        void aPacketAtTheEdgeOfTheWindowIsStillAdmitted() {
            Clock edge = Clock.fixed(NOW.minus(WINDOW), ZoneOffset.UTC);
            alpha.admit(signer(BETA, BETA_KEYS, edge, 3).contribution(ALPHA, SWARM, ROUND_1, B, 4, betaEntries()));
        }

        @Test
        void theSamePacketIsAdmittedOnceThenRefusedAsAReplay() {
            // given
            ContributionPacket packet = betasContribution();
            alpha.admit(packet);

            // then
            refused(packet, PacketRefusal.REPLAYED_NONCE);
            assertThat(nonces.size()).isEqualTo(1);
        }

        @Test
        void anOversizedPacketIsRefusedBeforeParsing() {
            assertThatThrownBy(() -> PacketAdmission.requireSize(1025, 1024))
                    .isInstanceOfSatisfying(PacketRefusedException.class, e -> assertThat(e.refusal())
                            .isEqualTo(PacketRefusal.PACKET_TOO_LARGE));
            PacketAdmission.requireSize(1024, 1024);
        }
    }

    @Test
    void noncesOlderThanTheWindowAreForgottenBecauseTheirTimestampAloneRefusesThem() {
        // given a nonce used long ago
        nonces.firstUse(
                BETA,
                Nonce.from(new java.util.SplittableRandom(5)),
                NOW.minus(WINDOW).minusSeconds(10));

        // when a fresh packet is admitted
        alpha.admit(betasContribution());

        // then only the fresh nonce is remembered
        assertThat(nonces.size()).isEqualTo(1);
    }

    @Test
    void theWindowMustBePositiveAndAtMostAnHour() {
        assertThatThrownBy(() -> new PacketAdmission(ALPHA, registry, nonces, CLOCK, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PacketAdmission(ALPHA, registry, nonces, CLOCK, Duration.ofHours(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theClockDecidesFreshnessNotTheMachine() {
        // given a receiver whose clock is a day ahead
        var tomorrow = new PacketAdmission(
                ALPHA, registry, nonces, Clock.fixed(NOW.plus(Duration.ofDays(1)), ZoneOffset.UTC), WINDOW);

        // then today's packet is stale there
        assertThatThrownBy(() -> tomorrow.admit(betasContribution()))
                .isInstanceOfSatisfying(PacketRefusedException.class, e -> assertThat(e.refusal())
                        .isEqualTo(PacketRefusal.STALE_PACKET));
    }

    private static List<PeerEntry> withFirst(ContributionPacket packet, PeerEntry first) {
        var entries = new ArrayList<>(packet.entries());
        entries.set(0, first);
        return entries;
    }
}
