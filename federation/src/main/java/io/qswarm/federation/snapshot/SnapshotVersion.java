package io.qswarm.federation.snapshot;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The semantic version of a published table, written {@code v<major>.<minor>.<patch>}:
 *
 * <ul>
 *   <li>patch: more data since the last version, same representation and hyper-parameters;
 *   <li>minor: a hyper-parameter changed (α, γ, learning rule, exploration schedule, action base costs);
 *   <li>major: an incompatible representation (action space, value-function kind or payload format).
 * </ul>
 *
 * Consumers follow one major and ignore the others. The first version of a table is {@code v1.0.0}.
 */
public record SnapshotVersion(int major, int minor, int patch) implements Comparable<SnapshotVersion> {

    public static final SnapshotVersion FIRST = new SnapshotVersion(1, 0, 0);

    private static final Pattern FORMAT = Pattern.compile("v(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})");

    private static final Comparator<SnapshotVersion> ORDER = Comparator.comparingInt(SnapshotVersion::major)
            .thenComparingInt(SnapshotVersion::minor)
            .thenComparingInt(SnapshotVersion::patch);

    public SnapshotVersion {
        if (major < 1 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException(
                    "a version is v<major>.<minor>.<patch> with major >= 1, was " + major + "." + minor + "." + patch);
        }
    }

    /** Parses {@code v1.2.3}. */
    public static SnapshotVersion parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("version must not be null");
        }
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("version must look like v1.2.3, was '"
                    + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'");
        }
        return new SnapshotVersion(
                Integer.parseInt(matcher.group(1)),
                Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)));
    }

    public SnapshotVersion nextPatch() {
        return new SnapshotVersion(major, minor, Math.addExact(patch, 1));
    }

    public SnapshotVersion nextMinor() {
        return new SnapshotVersion(major, Math.addExact(minor, 1), 0);
    }

    public SnapshotVersion nextMajor() {
        return new SnapshotVersion(Math.addExact(major, 1), 0, 0);
    }

    @Override
    public int compareTo(SnapshotVersion other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return "v" + major + "." + minor + "." + patch;
    }
}
