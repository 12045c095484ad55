package io.qswarm.federation.snapshot;

import static io.qswarm.federation.snapshot.SnapshotFixtures.CLOCK;
import static io.qswarm.federation.snapshot.SnapshotFixtures.EXPLORATION;
import static io.qswarm.federation.snapshot.SnapshotFixtures.TABLE;
import static io.qswarm.federation.snapshot.SnapshotFixtures.aKeyPair;
import static io.qswarm.federation.snapshot.SnapshotFixtures.aSnapshot;
import static io.qswarm.federation.snapshot.SnapshotFixtures.aTable;
import static io.qswarm.federation.snapshot.SnapshotFixtures.signerOf;
import static io.qswarm.federation.snapshot.SnapshotFixtures.trusting;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.Zstd;
import io.qswarm.federation.snapshot.SnapshotRefusedException.Reason;
import io.qswarm.intelligence.api.ActionSpec;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.ValueFunctionKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotConsumerTest {

    @TempDir
    Path root;

    private final KeyPair publisherKeys = aKeyPair();
    private SnapshotStore source;
    private SnapshotStore local;
    private SnapshotPublisher publisher;

    @BeforeEach
    void stores() {
        source = new SnapshotStore(root.resolve("published"));
        local = new SnapshotStore(root.resolve("consumer"));
        publisher = new SnapshotPublisher(source, signerOf(publisherKeys), CLOCK, SnapshotLimits.DEFAULT);
    }

    private SnapshotConsumer consumer() {
        return consumer(trusting(publisherKeys), 1, 3, SnapshotLimits.DEFAULT);
    }

    private SnapshotConsumer consumer(TrustStore trust, int major, int keep, SnapshotLimits limits) {
        return new SnapshotConsumer(source, local, trust, major, keep, limits);
    }

    private Path published(String version, String suffix) {
        return source.directory(TABLE).resolve(version + suffix);
    }

    private static String version(SnapshotConsumer.Refresh refresh) {
        return refresh.current().orElseThrow().line().version().toString();
    }

    private static List<Reason> reasons(SnapshotConsumer.Refresh refresh) {
        return refresh.rejected().stream()
                .map(SnapshotConsumer.Rejection::reason)
                .toList();
    }

    private Path pointer() {
        return local.directory(TABLE).resolve(SnapshotConsumer.POINTER);
    }

    @Test
    void aConsumerTrustsWhatThePublisherPublished() {
        // given
        KnowledgeSnapshot snapshot = aSnapshot(4, 3);
        publisher.publish(snapshot);

        // when
        SnapshotConsumer.Refresh refresh = consumer().refresh(TABLE);

        // then
        assertThat(version(refresh)).isEqualTo("v1.0.0");
        assertThat(refresh.changed()).isTrue();
        assertThat(refresh.rejected()).isEmpty();
        assertThat(refresh.current().orElseThrow().snapshot())
                .usingRecursiveComparison()
                .ignoringCollectionOrder()
                .isEqualTo(snapshot);
        assertThat(consumer().current(TABLE))
                .map(t -> t.line().version().toString())
                .contains("v1.0.0");
    }

    @Test
    void aConsumerTakesTheNewestVersionAndKeepsItsOwnCopy() throws IOException {
        publisher.publish(aSnapshot(4, 3));
        publisher.publish(aSnapshot(4, 4));

        SnapshotConsumer.Refresh refresh = consumer().refresh(TABLE);

        assertThat(version(refresh)).isEqualTo("v1.0.1");
        assertThat(local.holds(TABLE, SnapshotVersion.parse("v1.0.1"))).isTrue();
        assertThat(Files.readString(pointer())).contains("\"version\":\"v1.0.1\"");
        // a second refresh finds nothing new
        assertThat(consumer().refresh(TABLE).changed()).isFalse();
    }

    @Nested
    class Tampering {

        @BeforeEach
        void aGoodVersionAndANewerOne() {
            publisher.publish(aSnapshot(4, 3));
            publisher.publish(aSnapshot(4, 4));
        }

        @Test
        void everyCorruptedByteOfThePayloadIsCaught() throws IOException {
            Path payload = published("v1.0.1", ".zst");
            byte[] original = Files.readAllBytes(payload);
            for (int i = 0; i < original.length; i++) {
                // given byte i flipped
                byte[] corrupt = original.clone();
                corrupt[i] ^= (byte) 0x5A;
                Files.write(payload, corrupt);

                // when a fresh consumer looks
                Files.deleteIfExists(pointer());
                SnapshotConsumer.Refresh refresh = consumer().refresh(TABLE);

                // then the newer version is refused and the older one trusted
                assertThat(version(refresh)).as("byte %d", i).isEqualTo("v1.0.0");
                assertThat(reasons(refresh)).as("byte %d", i).containsExactly(Reason.HASH_MISMATCH);
            }
        }

        @Test
        void everyCorruptedByteOfTheManifestLineIsCaught() throws IOException {
            Path manifest = source.directory(TABLE).resolve(SnapshotStore.MANIFEST);
            List<String> lines = Files.readAllLines(manifest);
            byte[] newest = (lines.get(1) + "\n").getBytes(StandardCharsets.UTF_8);
            byte[] first = (lines.get(0) + "\n").getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < newest.length - 1; i++) {
                byte[] corrupt = newest.clone();
                corrupt[i] ^= (byte) 0x01;
                Files.write(manifest, concat(first, corrupt));

                Files.deleteIfExists(pointer());
                SnapshotConsumer.Refresh refresh = consumer().refresh(TABLE);

                assertThat(version(refresh)).as("byte %d", i).isEqualTo("v1.0.0");
                assertThat(refresh.rejected()).as("byte %d", i).hasSize(1);
                assertThat(reasons(refresh))
                        .as("byte %d", i)
                        .allMatch(reason -> reason == Reason.MALFORMED_MANIFEST_LINE
                                || reason == Reason.BAD_SIGNATURE
                                || reason == Reason.UNKNOWN_SIGNER
                                || reason == Reason.MISSING_FILE); // the version, changed to one without files
            }
        }

        @Test
        void everyCorruptedByteOfTheSignatureFileIsCaught() throws IOException {
            Path signature = published("v1.0.1", ".sig");
            byte[] original = Files.readAllBytes(signature);
            for (int i = 0; i < original.length; i++) {
                byte[] corrupt = original.clone();
                corrupt[i] ^= (byte) 0x01;
                Files.write(signature, corrupt);

                Files.deleteIfExists(pointer());
                SnapshotConsumer.Refresh refresh = consumer().refresh(TABLE);

                assertThat(version(refresh)).as("byte %d", i).isEqualTo("v1.0.0");
                assertThat(reasons(refresh)).as("byte %d", i).containsExactly(Reason.BAD_SIGNATURE);
            }
        }

        @Test
        void aTruncatedPayloadIsCaught() throws IOException {
            Path payload = published("v1.0.1", ".zst");
            byte[] original = Files.readAllBytes(payload);
            Files.write(payload, Arrays.copyOf(original, original.length / 2));

            SnapshotConsumer.Refresh refresh = consumer().refresh(TABLE);

            assertThat(version(refresh)).isEqualTo("v1.0.0");
            assertThat(reasons(refresh)).containsExactly(Reason.SIZE_MISMATCH);
            assertThat(refresh.rejected().get(0).detail()).contains("the manifest line says");
        }

        @Test
        void aMissingPayloadIsCaught() throws IOException {
            Files.delete(published("v1.0.1", ".zst"));

            SnapshotConsumer.Refresh refresh = consumer().refresh(TABLE);

            assertThat(version(refresh)).isEqualTo("v1.0.0");
            assertThat(reasons(refresh)).containsExactly(Reason.MISSING_FILE);
        }

        @Test
        void aManifestLineWithAnotherSampleCountNoLongerVerifies() throws IOException {
            Path manifest = source.directory(TABLE).resolve(SnapshotStore.MANIFEST);
            String text = Files.readString(manifest);
            Files.writeString(manifest, text.replace("\"samples\":32", "\"samples\":320"));

            SnapshotConsumer.Refresh refresh = consumer().refresh(TABLE);

            assertThat(version(refresh)).isEqualTo("v1.0.0");
            assertThat(reasons(refresh)).containsExactly(Reason.BAD_SIGNATURE);
        }
    }

    @Nested
    class Keys {

        @Test
        void aVersionSignedByAnotherKeyUnderTheTrustedIdIsRefused() {
            // given a forger who uses the publisher's key id with a key of its own
            KeyPair forger = aKeyPair();
            var forged = new SnapshotPublisher(
                    source,
                    new SnapshotSigner(SnapshotKeys.keyId(publisherKeys.getPublic()), forger.getPrivate()),
                    CLOCK,
                    SnapshotLimits.DEFAULT);
            publisher.publish(aSnapshot(4, 3));
            forged.publish(aSnapshot(4, 4));

            SnapshotConsumer.Refresh refresh = consumer().refresh(TABLE);

            assertThat(version(refresh)).isEqualTo("v1.0.0");
            assertThat(reasons(refresh)).containsExactly(Reason.BAD_SIGNATURE);
        }

        @Test
        void aVersionSignedByAnUnknownKeyIsRefused() {
            var stranger = new SnapshotPublisher(source, signerOf(aKeyPair()), CLOCK, SnapshotLimits.DEFAULT);
            stranger.publish(aSnapshot(4, 3));

            SnapshotConsumer.Refresh refresh = consumer().refresh(TABLE);

            assertThat(refresh.current()).isEmpty();
            assertThat(reasons(refresh)).containsExactly(Reason.UNKNOWN_SIGNER);
            assertThat(Files.exists(pointer())).isFalse();
        }

        @Test
        void aConsumerTrustsEveryKeyOfItsTrustFile() throws IOException {
            KeyPair second = aKeyPair();
            Path trustFile = root.resolve("trusted-keys");
            Files.writeString(
                    trustFile,
                    "# publishers\n" + SnapshotKeys.keyId(publisherKeys.getPublic()) + " "
                            + SnapshotKeys.encode(publisherKeys.getPublic()) + "\n\n"
                            + SnapshotKeys.keyId(second.getPublic()) + " " + SnapshotKeys.encode(second.getPublic())
                            + "\n");
            new SnapshotPublisher(source, signerOf(second), CLOCK, SnapshotLimits.DEFAULT).publish(aSnapshot(4, 3));

            SnapshotConsumer.Refresh refresh = consumer(TrustStore.load(trustFile), 1, 3, SnapshotLimits.DEFAULT)
                    .refresh(TABLE);

            assertThat(version(refresh)).isEqualTo("v1.0.0");
        }
    }

    @Nested
    class Majors {

        @Test
        void aConsumerIgnoresVersionsOfAnotherMajor() {
            // given v1.0.0, then an incompatible v2.0.0 (another action space)
            publisher.publish(aSnapshot(4, 3));
            var wider = List.of(ActionSpec.of("left", 0), ActionSpec.of("right", 1), ActionSpec.of("stay", 0));
            publisher.publish(new KnowledgeSnapshot(
                    aTable(4, 3, wider, LearningRule.Q_LEARNING, 0.1, 0.99),
                    EXPLORATION,
                    ValueFunctionKind.TABULAR,
                    9));

            // when consumers of major 1 and 2 look
            SnapshotConsumer.Refresh first = consumer().refresh(TABLE);
            local = new SnapshotStore(root.resolve("consumer-2"));
            SnapshotConsumer.Refresh second = consumer(trusting(publisherKeys), 2, 3, SnapshotLimits.DEFAULT)
                    .refresh(TABLE);

            // then each takes its own major and ignores the other
            assertThat(version(first)).isEqualTo("v1.0.0");
            assertThat(first.ignored()).extracting(Object::toString).containsExactly("v2.0.0");
            assertThat(version(second)).isEqualTo("v2.0.0");
            assertThat(second.ignored()).extracting(Object::toString).containsExactly("v1.0.0");
            assertThat(first.rejected()).isEmpty();
        }
    }

    @Nested
    class Limits {

        @Test
        void anOversizedSnapshotIsRefused() {
            publisher.publish(aSnapshot(40, 3));

            SnapshotConsumer.Refresh refresh = consumer(trusting(publisherKeys), 1, 3, new SnapshotLimits(100, 1 << 20))
                    .refresh(TABLE);

            assertThat(refresh.current()).isEmpty();
            assertThat(reasons(refresh)).containsExactly(Reason.OVERSIZED);
        }

        @Test
        void aPayloadThatWouldInflateBeyondTheLimitIsRefused() {
            publisher.publish(aSnapshot(40, 3));

            SnapshotConsumer.Refresh refresh = consumer(
                            trusting(publisherKeys), 1, 3, new SnapshotLimits(1 << 20, 1_000))
                    .refresh(TABLE);

            assertThat(reasons(refresh)).containsExactly(Reason.OVERSIZED);
            assertThat(refresh.rejected().get(0).detail()).contains("would decompress to");
        }
    }

    @Nested
    class Payloads {

        /** A publisher whose signed, hashed payload is not a snapshot (a bug, or a compromised build). */
        private void publishSigned(byte[] payload, String version) {
            KnowledgeSnapshot snapshot = aSnapshot(4, 3);
            var unsigned = new ManifestLine(
                    TABLE,
                    SnapshotVersion.parse(version),
                    Descriptor.sha256(payload),
                    payload.length,
                    CLOCK.instant(),
                    snapshot.samples(),
                    Snapshots.dimensionsOf(snapshot),
                    snapshot.sourceEventPosition(),
                    Descriptor.of(snapshot),
                    SnapshotKeys.keyId(publisherKeys.getPublic()),
                    null);
            ManifestLine line = unsigned.signed(signerOf(publisherKeys).sign(unsigned.canonicalBytes()));
            source.put(line, payload, line.signature());
        }

        @Test
        void aSignedPayloadThatIsNotZstdIsRefused() {
            publisher.publish(aSnapshot(4, 2));
            publishSigned("not compressed".getBytes(StandardCharsets.UTF_8), "v1.0.1");

            SnapshotConsumer.Refresh refresh = consumer().refresh(TABLE);

            assertThat(version(refresh)).isEqualTo("v1.0.0");
            assertThat(reasons(refresh)).containsExactly(Reason.UNPARSABLE_PAYLOAD);
        }

        @Test
        void aSignedPayloadThatIsNotASnapshotIsRefused() {
            publisher.publish(aSnapshot(4, 2));
            publishSigned(
                    Zstd.compress("{\"format\":1,\"entries\":\"no\"}".getBytes(StandardCharsets.UTF_8)), "v1.0.1");

            SnapshotConsumer.Refresh refresh = consumer().refresh(TABLE);

            assertThat(version(refresh)).isEqualTo("v1.0.0");
            assertThat(reasons(refresh)).containsExactly(Reason.UNPARSABLE_PAYLOAD);
        }

        @Test
        void aSignedPayloadThatContradictsItsLineIsRefused() {
            publisher.publish(aSnapshot(4, 2));
            publishSigned(SnapshotPayload.encode(aSnapshot(5, 3), SnapshotLimits.DEFAULT), "v1.0.1");

            SnapshotConsumer.Refresh refresh = consumer().refresh(TABLE);

            assertThat(version(refresh)).isEqualTo("v1.0.0");
            assertThat(reasons(refresh)).containsExactly(Reason.INCONSISTENT_PAYLOAD);
        }
    }

    @Nested
    class KeepingAndRollingBack {

        @Test
        void aConsumerKeepsOnlyTheLastNVersions() {
            var consumer = consumer(trusting(publisherKeys), 1, 3, SnapshotLimits.DEFAULT);
            for (int visits = 1; visits <= 6; visits++) {
                publisher.publish(aSnapshot(4, visits));
                consumer.refresh(TABLE);
            }

            assertThat(Stream.of("v1.0.0", "v1.0.1", "v1.0.2", "v1.0.3", "v1.0.4", "v1.0.5")
                            .filter(v -> local.holds(TABLE, SnapshotVersion.parse(v))))
                    .containsExactly("v1.0.3", "v1.0.4", "v1.0.5");
            assertThat(local.directory(TABLE).toFile().list((dir, name) -> name.endsWith(".zst")))
                    .hasSize(3);
        }

        @Test
        void whenTheLatestIsCorruptAFreshConsumerRollsBackToTheNewestValidOne() throws IOException {
            for (int visits = 1; visits <= 4; visits++) {
                publisher.publish(aSnapshot(4, visits));
            }
            Files.write(published("v1.0.3", ".zst"), new byte[] {1, 2, 3});
            Files.writeString(published("v1.0.2", ".sig"), "AAAA");

            SnapshotConsumer.Refresh refresh = consumer().refresh(TABLE);

            assertThat(version(refresh)).isEqualTo("v1.0.1");
            assertThat(refresh.rejected())
                    .extracting(SnapshotConsumer.Rejection::version)
                    .containsExactly("v1.0.3", "v1.0.2");
        }

        @Test
        void aConsumerWhoseLocalCopyWasDamagedFallsBackToAnOlderCopy() throws IOException {
            var consumer = consumer();
            publisher.publish(aSnapshot(4, 1));
            consumer.refresh(TABLE);
            publisher.publish(aSnapshot(4, 2));
            consumer.refresh(TABLE);
            // both the source's and the local copy of v1.0.1 get damaged
            Files.write(published("v1.0.1", ".zst"), new byte[] {9});
            Files.write(local.payload(TABLE, SnapshotVersion.parse("v1.0.1")), new byte[] {9});

            SnapshotConsumer.Refresh refresh = consumer.refresh(TABLE);

            assertThat(version(refresh)).isEqualTo("v1.0.0");
            assertThat(refresh.changed()).isTrue();
            assertThat(refresh.rejected())
                    .extracting(SnapshotConsumer.Rejection::version)
                    .containsExactly("local copy of v1.0.1", "v1.0.1");
        }

        @Test
        void aCorruptNewVersionLeavesTheTrustedOneInPlace() throws IOException {
            var consumer = consumer();
            publisher.publish(aSnapshot(4, 1));
            consumer.refresh(TABLE);
            byte[] pointerBefore = Files.readAllBytes(pointer());
            publisher.publish(aSnapshot(4, 2));
            Files.write(published("v1.0.1", ".zst"), new byte[] {9});

            SnapshotConsumer.Refresh refresh = consumer.refresh(TABLE);

            assertThat(version(refresh)).isEqualTo("v1.0.0");
            assertThat(refresh.changed()).isFalse();
            assertThat(Files.readAllBytes(pointer())).isEqualTo(pointerBefore);
            assertThat(local.holds(TABLE, SnapshotVersion.parse("v1.0.1"))).isFalse();
        }
    }

    @Nested
    class ThePointer {

        @Test
        void isNeverWrittenWhenNothingPasses() throws IOException {
            publisher.publish(aSnapshot(4, 1));
            Files.write(published("v1.0.0", ".zst"), new byte[] {1});

            SnapshotConsumer.Refresh refresh = consumer().refresh(TABLE);

            assertThat(refresh.current()).isEmpty();
            assertThat(Files.exists(pointer())).isFalse();
            assertThat(consumer().current(TABLE)).isEmpty();
        }

        @Test
        void isReplacedWholeThroughATemporaryFile() throws IOException {
            // given a leftover temporary file of an interrupted write next to the pointer
            publisher.publish(aSnapshot(4, 1));
            var consumer = consumer();
            consumer.refresh(TABLE);
            Path leftover = local.directory(TABLE).resolve("." + SnapshotConsumer.POINTER + "123.tmp");
            Files.writeString(leftover, "{\"version\":\"v9.9.9\"");

            // when a new version is trusted
            publisher.publish(aSnapshot(4, 2));
            consumer.refresh(TABLE);

            // then the pointer is complete and names it; no temporary file of this write is left behind
            assertThat(Files.readString(pointer())).startsWith("{\"sha256\":\"").endsWith("\"version\":\"v1.0.1\"}\n");
            try (Stream<Path> files = Files.list(local.directory(TABLE))) {
                assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")))
                        .containsExactly(leftover.getFileName().toString());
            }
            assertThat(consumer.current(TABLE))
                    .map(t -> t.line().version().toString())
                    .contains("v1.0.1");
        }

        @Test
        void aDamagedPointerMeansNothingIsTrustedUntilTheNextRefresh() throws IOException {
            publisher.publish(aSnapshot(4, 1));
            var consumer = consumer();
            consumer.refresh(TABLE);
            Files.writeString(pointer(), "{\"vers");

            assertThat(consumer.current(TABLE)).isEmpty();
            assertThat(version(consumer.refresh(TABLE))).isEqualTo("v1.0.0");
            assertThat(consumer.current(TABLE)).isPresent();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
