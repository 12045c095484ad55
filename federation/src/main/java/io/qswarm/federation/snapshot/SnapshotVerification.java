package io.qswarm.federation.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Every check a consumer makes before it trusts a version, in order: the manifest line's size within the limit; the
 * line authenticated (the detached signature equal to the line's, and valid for the line's canonical bytes under a
 * trusted key); the payload file present, within the limit and of the recorded size; its SHA-256 the recorded one;
 * the payload decompressing within the limit into a snapshot that agrees with its line.
 */
final class SnapshotVerification {

    private final TrustStore trust;
    private final SnapshotLimits limits;

    SnapshotVerification(TrustStore trust, SnapshotLimits limits) {
        this.trust = trust;
        this.limits = limits;
    }

    /** The verified snapshot of {@code line} read from {@code store}, or the first failed check. */
    Verified verify(SnapshotStore store, ManifestLine line) {
        String table = line.table();
        if (line.size() > limits.maxCompressedBytes()) {
            throw oversized(line.size());
        }
        String detached = new String(
                        read(store.signature(table, line.version()), "signature"), StandardCharsets.US_ASCII)
                .strip();
        if (!detached.equals(line.signature())) {
            throw new SnapshotRefusedException(
                    SnapshotRefusedException.Reason.BAD_SIGNATURE,
                    "the signature file differs from the manifest line's signature");
        }
        trust.verify(line.signerKeyId(), line.canonicalBytes(), detached);
        byte[] payload = read(store.payload(table, line.version()), "payload");
        if (payload.length != line.size()) {
            throw new SnapshotRefusedException(
                    SnapshotRefusedException.Reason.SIZE_MISMATCH,
                    "the payload has " + payload.length + " bytes, the manifest line says " + line.size());
        }
        String sha256 = Descriptor.sha256(payload);
        if (!sha256.equals(line.sha256())) {
            throw new SnapshotRefusedException(
                    SnapshotRefusedException.Reason.HASH_MISMATCH,
                    "the payload's SHA-256 is " + sha256 + ", the manifest line says " + line.sha256());
        }
        KnowledgeSnapshot snapshot = SnapshotPayload.decode(payload, limits);
        agrees(line, snapshot);
        return new Verified(line, snapshot, payload, detached);
    }

    /** A version that passed every check, with its bytes (so a consumer can keep a copy). */
    record Verified(ManifestLine line, KnowledgeSnapshot snapshot, byte[] payload, String signature) {}

    private static void agrees(ManifestLine line, KnowledgeSnapshot snapshot) {
        String mismatch = null;
        if (!snapshot.table().tableId().value().equals(line.table())) {
            mismatch = "the payload is table " + snapshot.table().tableId();
        } else if (snapshot.samples() != line.samples()) {
            mismatch = "the payload holds " + snapshot.samples() + " samples, the line says " + line.samples();
        } else if (!Snapshots.dimensionsOf(snapshot).equals(line.dimensions())) {
            mismatch = "the payload's dimensions are " + Snapshots.dimensionsOf(snapshot);
        } else if (snapshot.sourceEventPosition() != line.sourceEventPosition()) {
            mismatch = "the payload was read at event " + snapshot.sourceEventPosition();
        } else if (!Descriptor.of(snapshot).equals(line.descriptor())) {
            mismatch = "the payload's representation or hyper-parameters differ from the line's";
        }
        if (mismatch != null) {
            throw new SnapshotRefusedException(
                    SnapshotRefusedException.Reason.INCONSISTENT_PAYLOAD, mismatch + " (" + line.version() + ")");
        }
    }

    private byte[] read(Path file, String what) {
        try {
            long size = Files.size(file);
            if (size > limits.maxCompressedBytes()) {
                throw oversized(size);
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SnapshotRefusedException(
                    SnapshotRefusedException.Reason.MISSING_FILE,
                    "the " + what + " file " + file.getFileName() + " is missing");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private SnapshotRefusedException oversized(long size) {
        return new SnapshotRefusedException(
                SnapshotRefusedException.Reason.OVERSIZED,
                "the snapshot takes " + size + " bytes, more than the limit of " + limits.maxCompressedBytes());
    }
}
