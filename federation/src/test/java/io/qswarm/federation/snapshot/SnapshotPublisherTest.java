package io.qswarm.federation.snapshot;

import static io.qswarm.federation.snapshot.SnapshotFixtures.ACTIONS;
import static io.qswarm.federation.snapshot.SnapshotFixtures.CLOCK;
import static io.qswarm.federation.snapshot.SnapshotFixtures.EXPLORATION;
import static io.qswarm.federation.snapshot.SnapshotFixtures.NOW;
import static io.qswarm.federation.snapshot.SnapshotFixtures.TABLE;
import static io.qswarm.federation.snapshot.SnapshotFixtures.aKeyPair;
import static io.qswarm.federation.snapshot.SnapshotFixtures.aSnapshot;
import static io.qswarm.federation.snapshot.SnapshotFixtures.aTable;
import static io.qswarm.federation.snapshot.SnapshotFixtures.signerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qswarm.intelligence.api.ActionSpec;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.ValueFunctionKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotPublisherTest {

    @TempDir
    Path root;

    private final KeyPair keys = aKeyPair();

    private SnapshotStore store() {
        return new SnapshotStore(root);
    }

    private SnapshotPublisher publisher() {
        return new SnapshotPublisher(store(), signerOf(keys), CLOCK, SnapshotLimits.DEFAULT);
    }

    private static KnowledgeSnapshot withTable(io.qswarm.intelligence.api.QTableExport table) {
        return new KnowledgeSnapshot(table, EXPLORATION, ValueFunctionKind.TABULAR, 7);
    }

    @Test
    void writesThePayloadTheSignatureAndOneManifestLine() throws Exception {
        // when
        SnapshotPublisher.Published published = publisher().publish(aSnapshot(3, 4));

        // then
        ManifestLine line = published.line();
        assertThat(line.version()).hasToString("v1.0.0");
        assertThat(published.bump()).isEqualTo(VersionBump.Kind.FIRST);
        Path directory = root.resolve(TABLE);
        assertThat(Files.readAllBytes(directory.resolve("v1.0.0.zst"))).hasSize((int) line.size());
        assertThat(Files.readString(directory.resolve("v1.0.0.sig"))).isEqualTo(line.signature());
        List<String> manifest = Files.readAllLines(directory.resolve("manifest.jsonl"));
        assertThat(manifest).containsExactly(line.toJson());
        assertThat(ManifestLine.parse(manifest.get(0))).isEqualTo(line);
    }

    @Test
    void theManifestLineRecordsTheFactsAConsumerChecks() throws Exception {
        ManifestLine line = publisher().publish(aSnapshot(3, 4)).line();

        assertThat(line.createdAt()).isEqualTo(NOW);
        assertThat(line.samples()).isEqualTo(3 * 2 * 4);
        assertThat(line.dimensions()).isEqualTo(new ManifestLine.Dimensions(3, 2, 6));
        assertThat(line.sourceEventPosition()).isEqualTo(44);
        assertThat(line.signerKeyId()).isEqualTo(SnapshotKeys.keyId(keys.getPublic()));
        assertThat(line.sha256())
                .isEqualTo(
                        Descriptor.sha256(Files.readAllBytes(root.resolve(TABLE).resolve("v1.0.0.zst"))));
        assertThat(new String(line.canonicalBytes(), StandardCharsets.UTF_8))
                .doesNotContain("signature\"")
                .startsWith("{\"created_at\":\"2026-11-22T18:00:12Z\",\"dimensions\":{\"actions\":2,");
    }

    @Test
    void thePayloadIsZstdCompressedAndDecodesToTheSameSnapshot() throws Exception {
        KnowledgeSnapshot snapshot = aSnapshot(50, 9);
        ManifestLine line = publisher().publish(snapshot).line();

        byte[] payload = Files.readAllBytes(root.resolve(TABLE).resolve("v1.0.0.zst"));
        assertThat(payload).startsWith(0x28, 0xB5, 0x2F, 0xFD); // the zstd frame magic number
        assertThat((long) payload.length).isLessThan(SnapshotPayload.json(snapshot).length / 3);
        assertThat(SnapshotPayload.decode(payload, SnapshotLimits.DEFAULT))
                .usingRecursiveComparison()
                .ignoringCollectionOrder()
                .isEqualTo(snapshot);
        assertThat(line.size()).isEqualTo(payload.length);
    }

    @Test
    void publishingTheSameDataTwiceIsRefused() {
        var publisher = publisher();
        publisher.publish(aSnapshot(3, 4));

        assertThatThrownBy(() -> publisher.publish(aSnapshot(3, 4)))
                .isInstanceOf(SnapshotRefusedException.class)
                .hasMessageContaining("no new data since v1.0.0")
                .extracting(e -> ((SnapshotRefusedException) e).reason())
                .isEqualTo(SnapshotRefusedException.Reason.NOTHING_NEW);
        assertThat(store().lines(TABLE)).hasSize(1);
    }

    @Test
    void anOversizedSnapshotIsRefusedAndNothingIsWritten() {
        var publisher = new SnapshotPublisher(store(), signerOf(keys), CLOCK, new SnapshotLimits(64, 1 << 20));

        assertThatThrownBy(() -> publisher.publish(aSnapshot(40, 4)))
                .isInstanceOf(SnapshotRefusedException.class)
                .hasMessageContaining("more than the limit of 64")
                .extracting(e -> ((SnapshotRefusedException) e).reason())
                .isEqualTo(SnapshotRefusedException.Reason.OVERSIZED);
        assertThat(store().lines(TABLE)).isEmpty();
        assertThat(Files.exists(root.resolve(TABLE).resolve("v1.0.0.zst"))).isFalse();
    }

    @Nested
    class VersionBumps {

        private SnapshotPublisher.Published publishFirstThen(KnowledgeSnapshot next) {
            var publisher = publisher();
            publisher.publish(withTable(aTable(3, 4)));
            return publisher.publish(next);
        }

        @Test
        void moreDataIsAPatch() {
            var published = publishFirstThen(withTable(aTable(3, 5)));
            assertThat(published.line().version()).hasToString("v1.0.1");
            assertThat(published.bump()).isEqualTo(VersionBump.Kind.PATCH);
        }

        @Test
        void patchesCountUp() {
            var publisher = publisher();
            for (int visits = 1; visits <= 4; visits++) {
                publisher.publish(withTable(aTable(3, visits)));
            }
            assertThat(store().lines(TABLE))
                    .extracting(line -> line.version().toString())
                    .containsExactly("v1.0.0", "v1.0.1", "v1.0.2", "v1.0.3");
        }

        @Test
        void anotherLearningRateIsAMinorAndResetsThePatch() {
            var publisher = publisher();
            publisher.publish(withTable(aTable(3, 4)));
            publisher.publish(withTable(aTable(3, 5)));
            var published = publisher.publish(withTable(aTable(3, 5, ACTIONS, LearningRule.Q_LEARNING, 0.2, 0.99)));
            assertThat(published.line().version()).hasToString("v1.1.0");
            assertThat(published.bump()).isEqualTo(VersionBump.Kind.MINOR);
        }

        @Test
        void anotherDiscountRuleOrScheduleIsAMinorEvenWithoutNewData() {
            assertThat(publishFirstThen(withTable(aTable(3, 4, ACTIONS, LearningRule.Q_LEARNING, 0.1, 0.9)))
                            .line()
                            .version())
                    .hasToString("v1.1.0");
            root = root.resolve("rule");
            assertThat(publishFirstThen(withTable(aTable(3, 4, ACTIONS, LearningRule.SARSA, 0.1, 0.99)))
                            .line()
                            .version())
                    .hasToString("v1.1.0");
            root = root.resolve("schedule");
            assertThat(publishFirstThen(new KnowledgeSnapshot(
                                    aTable(3, 4), ExplorationSchedule.constant(0.1), ValueFunctionKind.TABULAR, 7))
                            .line()
                            .version())
                    .hasToString("v1.1.0");
            root = root.resolve("costs");
            var dearer = List.of(ActionSpec.of("left", 0), ActionSpec.of("right", 2));
            assertThat(publishFirstThen(withTable(aTable(3, 4, dearer, LearningRule.Q_LEARNING, 0.1, 0.99)))
                            .line()
                            .version())
                    .hasToString("v1.1.0");
        }

        @Test
        void anotherActionSpaceIsAMajor() {
            var wider = List.of(ActionSpec.of("left", 0), ActionSpec.of("right", 1), ActionSpec.of("stay", 0));
            var published = publishFirstThen(withTable(aTable(3, 4, wider, LearningRule.Q_LEARNING, 0.1, 0.99)));
            assertThat(published.line().version()).hasToString("v2.0.0");
            assertThat(published.bump()).isEqualTo(VersionBump.Kind.MAJOR);
        }

        @Test
        void anotherValueFunctionKindIsAMajor() {
            var published = publishFirstThen(
                    new KnowledgeSnapshot(aTable(3, 4), EXPLORATION, ValueFunctionKind.TILE_CODING, 7));
            assertThat(published.line().version()).hasToString("v2.0.0");
        }

        @Test
        void anotherExportFormatIsAMajor() {
            var table = aTable(3, 4);
            var newer = new io.qswarm.intelligence.api.QTableExport(
                    2,
                    table.tableId(),
                    table.agentId(),
                    table.actions(),
                    table.rule(),
                    table.alpha(),
                    table.gamma(),
                    table.epsilon(),
                    table.entries());
            assertThat(publishFirstThen(withTable(newer)).line().version()).hasToString("v2.0.0");
        }

        @Test
        void aMajorChangeWinsOverAMinorOne() {
            var wider = List.of(ActionSpec.of("left", 0), ActionSpec.of("right", 1), ActionSpec.of("stay", 0));
            var published = publishFirstThen(withTable(aTable(3, 9, wider, LearningRule.SARSA, 0.5, 0.9)));
            assertThat(published.line().version()).hasToString("v2.0.0");
        }
    }

    @Nested
    class AskedBumps {

        @Test
        void aLargerBumpThanTheRulesRequireIsTaken() {
            var publisher = publisher();
            publisher.publish(withTable(aTable(3, 4)), VersionBump.Kind.PATCH);

            var published = publisher.publish(withTable(aTable(3, 5)), VersionBump.Kind.MAJOR);

            assertThat(published.line().version()).hasToString("v2.0.0");
            assertThat(published.bump()).isEqualTo(VersionBump.Kind.MAJOR);
        }

        @Test
        void aMinorAskedForMoreDataResetsThePatch() {
            var publisher = publisher();
            publisher.publish(withTable(aTable(3, 4)));
            publisher.publish(withTable(aTable(3, 5)));

            assertThat(publisher
                            .publish(withTable(aTable(3, 6)), VersionBump.Kind.MINOR)
                            .line()
                            .version())
                    .hasToString("v1.1.0");
        }

        @Test
        void aSmallerBumpThanTheRulesRequireIsRefusedAndNothingIsWritten() {
            var publisher = publisher();
            publisher.publish(withTable(aTable(3, 4)));

            assertThatThrownBy(() -> publisher.publish(
                            withTable(aTable(3, 5, ACTIONS, LearningRule.Q_LEARNING, 0.3, 0.99)),
                            VersionBump.Kind.PATCH))
                    .isInstanceOf(SnapshotRefusedException.class)
                    .hasMessageContaining("needs a minor bump after v1.0.0")
                    .extracting(e -> ((SnapshotRefusedException) e).reason())
                    .isEqualTo(SnapshotRefusedException.Reason.BUMP_TOO_SMALL);
            assertThat(store().lines(TABLE)).hasSize(1);
        }

        @Test
        void nothingNewIsRefusedWhateverTheBump() {
            var publisher = publisher();
            publisher.publish(withTable(aTable(3, 4)));

            assertThatThrownBy(() -> publisher.publish(withTable(aTable(3, 4)), VersionBump.Kind.MAJOR))
                    .extracting(e -> ((SnapshotRefusedException) e).reason())
                    .isEqualTo(SnapshotRefusedException.Reason.NOTHING_NEW);
        }

        @Test
        void theFirstVersionIsV100WhateverIsAsked() {
            assertThat(publisher()
                            .publish(withTable(aTable(3, 4)), VersionBump.Kind.MAJOR)
                            .line()
                            .version())
                    .isEqualTo(SnapshotVersion.FIRST);
        }
    }
}
