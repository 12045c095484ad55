package io.qswarm.federation.snapshot;

/**
 * The largest snapshot a publisher writes and a consumer reads: compressed (the file) and uncompressed (what the
 * file inflates to, so a small file cannot exhaust memory).
 */
public record SnapshotLimits(long maxCompressedBytes, long maxUncompressedBytes) {

    /** 64 MiB compressed, 512 MiB uncompressed: a table of a few million entries. */
    public static final SnapshotLimits DEFAULT = new SnapshotLimits(64L << 20, 512L << 20);

    public SnapshotLimits {
        if (maxCompressedBytes < 1 || maxUncompressedBytes < 1 || maxUncompressedBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("limits must be positive and the uncompressed one below 2 GiB, were "
                    + maxCompressedBytes + " and " + maxUncompressedBytes);
        }
    }
}
