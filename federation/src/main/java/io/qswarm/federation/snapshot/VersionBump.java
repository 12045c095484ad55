package io.qswarm.federation.snapshot;

/**
 * The version rules: the next version of a table given its latest published one.
 *
 * <ul>
 *   <li>none yet: {@link SnapshotVersion#FIRST};
 *   <li>another representation: next major;
 *   <li>other hyper-parameters: next minor;
 *   <li>more samples (experiences) than the latest: next patch;
 *   <li>otherwise there is nothing new to publish: refused.
 * </ul>
 */
public final class VersionBump {

    private VersionBump() {}

    /** Which part of the version a publication bumps. */
    public enum Kind {
        FIRST,
        MAJOR,
        MINOR,
        PATCH
    }

    /** The next version and why. */
    public record Next(SnapshotVersion version, Kind kind) {}

    /**
     * @param latest the table's latest manifest line, or null when it has none
     * @throws SnapshotRefusedException ({@code NOTHING_NEW}) when the snapshot has the latest's representation and
     *     hyper-parameters and no more samples
     */
    public static Next next(ManifestLine latest, Descriptor descriptor, long samples) {
        if (latest == null) {
            return new Next(SnapshotVersion.FIRST, Kind.FIRST);
        }
        if (!descriptor.sameRepresentationAs(latest.descriptor())) {
            return new Next(latest.version().nextMajor(), Kind.MAJOR);
        }
        if (!descriptor.sameParametersAs(latest.descriptor())) {
            return new Next(latest.version().nextMinor(), Kind.MINOR);
        }
        if (samples > latest.samples()) {
            return new Next(latest.version().nextPatch(), Kind.PATCH);
        }
        throw new SnapshotRefusedException(
                SnapshotRefusedException.Reason.NOTHING_NEW,
                "table " + latest.table() + " has no new data since " + latest.version() + " (" + samples
                        + " samples, the latest has " + latest.samples() + ") and the same representation and"
                        + " hyper-parameters");
    }
}
