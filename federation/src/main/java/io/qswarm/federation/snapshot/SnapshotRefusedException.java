package io.qswarm.federation.snapshot;

/** A snapshot that was not published, or not trusted, and why. */
public class SnapshotRefusedException extends RuntimeException {

    /** Why. */
    public enum Reason {
        /** Publisher: same representation and hyper-parameters, no more samples than the latest version. */
        NOTHING_NEW,
        /** Publisher: the bump asked for is smaller than the rules require (e.g. a patch after a new action space). */
        BUMP_TOO_SMALL,
        /** The compressed or uncompressed payload exceeds the configured limit. */
        OVERSIZED,
        /** A manifest line that is not valid JSON or misses or mangles a field. */
        MALFORMED_MANIFEST_LINE,
        /** The payload or signature file named by a manifest line is missing. */
        MISSING_FILE,
        /** The payload's length is not the size its manifest line records. */
        SIZE_MISMATCH,
        /** The payload's SHA-256 is not the one its manifest line records. */
        HASH_MISMATCH,
        /** The signer's key id is not in the trust store. */
        UNKNOWN_SIGNER,
        /** The signature does not verify against the manifest line with the signer's key, or differs from the file. */
        BAD_SIGNATURE,
        /** The payload does not decompress, or is not a snapshot. */
        UNPARSABLE_PAYLOAD,
        /** The payload decodes but disagrees with its manifest line (table, samples, dimensions, descriptor). */
        INCONSISTENT_PAYLOAD
    }

    private final Reason reason;

    public SnapshotRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public SnapshotRefusedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
