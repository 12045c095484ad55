package io.qswarm.federation.snapshot;

import java.util.Locale;

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
 *
 * A publisher may ask for a larger bump than the rules require (a major to mark a break the descriptor cannot see),
 * never for a smaller one.
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
        return next(latest, descriptor, samples, null);
    }

    /**
     * The next version with the bump asked for ({@code PATCH}, {@code MINOR} or {@code MAJOR}; null: the one the rules
     * require). The first version is {@link SnapshotVersion#FIRST} whatever is asked.
     *
     * @throws SnapshotRefusedException {@code NOTHING_NEW} as {@link #next(ManifestLine, Descriptor, long)}; {@code
     *     BUMP_TOO_SMALL} when the rules require a larger bump than the one asked for
     */
    public static Next next(ManifestLine latest, Descriptor descriptor, long samples, Kind requested) {
        if (requested == Kind.FIRST) {
            throw new IllegalArgumentException("ask for a patch, minor or major bump");
        }
        Next required = required(latest, descriptor, samples);
        if (requested == null || required.kind() == Kind.FIRST || requested == required.kind()) {
            return required;
        }
        // MAJOR, MINOR, PATCH are declared from the largest bump to the smallest
        if (requested.ordinal() > required.kind().ordinal()) {
            throw new SnapshotRefusedException(
                    SnapshotRefusedException.Reason.BUMP_TOO_SMALL,
                    "table " + latest.table() + " needs a " + name(required.kind()) + " bump after "
                            + latest.version() + " (" + why(required.kind()) + "), a " + name(requested)
                            + " bump was asked for");
        }
        SnapshotVersion version =
                switch (requested) {
                    case MAJOR -> latest.version().nextMajor();
                    case MINOR -> latest.version().nextMinor();
                    default -> latest.version().nextPatch();
                };
        return new Next(version, requested);
    }

    private static String name(Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static String why(Kind kind) {
        return kind == Kind.MAJOR ? "its representation changed" : "its hyper-parameters changed";
    }

    private static Next required(ManifestLine latest, Descriptor descriptor, long samples) {
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
