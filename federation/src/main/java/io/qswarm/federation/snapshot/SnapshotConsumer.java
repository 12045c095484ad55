package io.qswarm.federation.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qswarm.intelligence.api.Checks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Follows one major version of tables published in a source {@link SnapshotStore}, keeping verified copies in a local
 * store of its own and a {@code current} pointer per table, the version it trusts.
 *
 * <p>{@link #refresh} takes the newest version of the followed major that passes every check of
 * {@link SnapshotVerification} (hash, signature under a trusted key, size, payload), from its own copy when it has
 * one, else from the source: when the latest is corrupt it rolls back to the newest valid one. Other majors are
 * ignored. Only then are the files copied, older local copies pruned to the last {@code keep} versions, and the
 * pointer replaced (temporary file, then an atomic move): trusted state changes only after every check passed.
 */
public final class SnapshotConsumer {

    public static final String POINTER = "current.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SnapshotStore source;
    private final SnapshotStore local;
    private final SnapshotVerification verification;
    private final int major;
    private final int keep;

    /**
     * @param major the major version this consumer can read
     * @param keep how many verified versions it keeps locally (at least 1)
     */
    public SnapshotConsumer(
            SnapshotStore source, SnapshotStore local, TrustStore trust, int major, int keep, SnapshotLimits limits) {
        this.source = Checks.required("source", source);
        this.local = Checks.required("local", local);
        this.verification =
                new SnapshotVerification(Checks.required("trust", trust), Checks.required("limits", limits));
        if (major < 1 || keep < 1) {
            throw new IllegalArgumentException("major and keep must be at least 1, were " + major + " and " + keep);
        }
        this.major = major;
        this.keep = keep;
    }

    /** A version that was not trusted, and why. */
    public record Rejection(String version, SnapshotRefusedException.Reason reason, String detail) {}

    /** The trusted version of a table and its knowledge. */
    public record Trusted(ManifestLine line, KnowledgeSnapshot snapshot) {}

    /**
     * What a refresh found.
     *
     * @param current the version now trusted (empty if none passes)
     * @param changed whether the pointer moved
     * @param rejected versions of the followed major that failed a check (newest first) and malformed lines
     * @param ignored versions of other majors
     */
    public record Refresh(
            Optional<Trusted> current, boolean changed, List<Rejection> rejected, List<SnapshotVersion> ignored) {}

    public Refresh refresh(String table) {
        return local.locked(table, () -> refreshLocked(table));
    }

    private Refresh refreshLocked(String table) {
        var rejected = new ArrayList<Rejection>();
        var ignored = new TreeSet<SnapshotVersion>();
        var candidates = new TreeMap<SnapshotVersion, ManifestLine>(Comparator.reverseOrder());
        for (SnapshotStore.Entry entry : source.manifest(table)) {
            if (entry.line().isEmpty()) {
                rejected.add(new Rejection(
                        "line " + entry.lineNumber(),
                        SnapshotRefusedException.Reason.MALFORMED_MANIFEST_LINE,
                        entry.refusal()));
                continue;
            }
            ManifestLine line = entry.line().get();
            if (line.version().major() != major) {
                ignored.add(line.version());
            } else if (candidates.containsKey(line.version())) {
                if (!candidates.get(line.version()).equals(line)) {
                    rejected.add(new Rejection(
                            "line " + entry.lineNumber(),
                            SnapshotRefusedException.Reason.MALFORMED_MANIFEST_LINE,
                            line.version() + " appears on an earlier line with other content"));
                }
            } else {
                candidates.put(line.version(), line);
            }
        }
        var kept = new TreeMap<SnapshotVersion, ManifestLine>(Comparator.reverseOrder());
        for (ManifestLine line : local.lines(table)) {
            if (line.version().major() == major && local.holds(table, line.version())) {
                kept.putIfAbsent(line.version(), line);
            }
        }
        var versions = new TreeSet<SnapshotVersion>(Comparator.reverseOrder());
        versions.addAll(candidates.keySet());
        versions.addAll(kept.keySet());
        Optional<String> before = pointer(table);
        for (SnapshotVersion version : versions) {
            Optional<SnapshotVerification.Verified> verified = Optional.empty();
            if (kept.containsKey(version)) {
                verified = attempt(local, kept.get(version), "local copy of ", rejected);
            }
            if (verified.isEmpty() && candidates.containsKey(version)) {
                verified = attempt(source, candidates.get(version), "", rejected);
                verified.ifPresent(v -> keepCopy(v, kept.containsKey(version)));
            }
            if (verified.isPresent()) {
                ManifestLine line = verified.get().line();
                prune(table, line.version());
                boolean changed = !before.equals(Optional.of(line.version().toString()));
                if (changed) {
                    writePointer(line);
                }
                return new Refresh(
                        Optional.of(new Trusted(line, verified.get().snapshot())),
                        changed,
                        List.copyOf(rejected),
                        List.copyOf(ignored));
            }
        }
        return new Refresh(Optional.empty(), false, List.copyOf(rejected), List.copyOf(ignored));
    }

    /** The version this consumer trusts now, re-checked from its local copy; empty if none (or the copy is damaged). */
    public Optional<Trusted> current(String table) {
        Optional<String> version = pointer(table);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        SnapshotVersion wanted = SnapshotVersion.parse(version.get());
        return local.lines(table).stream()
                .filter(line -> line.version().equals(wanted))
                .findFirst()
                .flatMap(line -> attempt(local, line, "local copy of ", new ArrayList<>()))
                .map(verified -> new Trusted(verified.line(), verified.snapshot()));
    }

    private Optional<SnapshotVerification.Verified> attempt(
            SnapshotStore store, ManifestLine line, String where, List<Rejection> rejected) {
        try {
            return Optional.of(verification.verify(store, line));
        } catch (SnapshotRefusedException e) {
            rejected.add(new Rejection(where + line.version(), e.reason(), e.getMessage()));
            return Optional.empty();
        }
    }

    /** Copies a verified version into the local store (its line is appended once). */
    private void keepCopy(SnapshotVerification.Verified verified, boolean lineKnown) {
        ManifestLine line = verified.line();
        boolean known = lineKnown
                || local.lines(line.table()).stream().anyMatch(l -> l.version().equals(line.version()));
        if (known) {
            SnapshotStore.writeAtomically(local.payload(line.table(), line.version()), verified.payload());
            SnapshotStore.writeAtomically(
                    local.signature(line.table(), line.version()),
                    verified.signature().getBytes(StandardCharsets.US_ASCII));
        } else {
            local.put(line, verified.payload(), verified.signature());
        }
    }

    /**
     * Keeps the trusted version and the newest {@code keep − 1} older local copies of the followed major; deletes the
     * files of the others, including newer copies (they failed their checks, or the trusted one would be newer).
     */
    private void prune(String table, SnapshotVersion trusted) {
        List<SnapshotVersion> older = new ArrayList<>();
        for (SnapshotVersion version : local.lines(table).stream()
                .map(ManifestLine::version)
                .filter(version -> version.major() == major && local.holds(table, version))
                .distinct()
                .sorted(Comparator.reverseOrder())
                .toList()) {
            int order = version.compareTo(trusted);
            if (order > 0) {
                local.delete(table, version);
            } else if (order < 0) {
                older.add(version);
            }
        }
        for (SnapshotVersion version : older.subList(Math.min(keep - 1, older.size()), older.size())) {
            local.delete(table, version);
        }
    }

    private Optional<String> pointer(String table) {
        Path file = local.directory(table).resolve(POINTER);
        try {
            JsonNode node = JSON.readTree(Files.readAllBytes(file));
            JsonNode version = node == null ? null : node.get("version");
            return version == null || !version.isTextual() ? Optional.empty() : Optional.of(version.asText());
        } catch (NoSuchFileException | JsonProcessingException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pointer " + file, e);
        }
    }

    private void writePointer(ManifestLine line) {
        String json = "{\"sha256\":" + ManifestLine.string(line.sha256()) + ",\"version\":"
                + ManifestLine.string(line.version().toString()) + "}\n";
        SnapshotStore.writeAtomically(
                local.directory(line.table()).resolve(POINTER), json.getBytes(StandardCharsets.UTF_8));
    }
}
