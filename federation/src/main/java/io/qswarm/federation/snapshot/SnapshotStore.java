package io.qswarm.federation.snapshot;

import io.qswarm.intelligence.api.Checks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Snapshots on a file system: one directory per table holding
 *
 * <ul>
 *   <li>{@code manifest.jsonl}: one {@link ManifestLine} per published version, append-only;
 *   <li>{@code <version>.zst}: the compressed payload;
 *   <li>{@code <version>.sig}: the detached signature (base64) of the version's manifest line.
 * </ul>
 *
 * A version is published when its manifest line is appended (after its files are in place); files are written to a
 * temporary name and moved into place, so a reader never sees half a file.
 */
public final class SnapshotStore {

    public static final String MANIFEST = "manifest.jsonl";
    public static final String PAYLOAD_SUFFIX = ".zst";
    public static final String SIGNATURE_SUFFIX = ".sig";

    /** One line of a manifest: parsed, or refused with the reason. */
    public record Entry(int lineNumber, Optional<ManifestLine> line, String refusal) {}

    private final Path root;

    public SnapshotStore(Path root) {
        this.root = Checks.required("root", root);
    }

    public Path root() {
        return root;
    }

    public Path directory(String table) {
        return root.resolve(Checks.identifier("table", table));
    }

    public Path payload(String table, SnapshotVersion version) {
        return directory(table).resolve(version + PAYLOAD_SUFFIX);
    }

    public Path signature(String table, SnapshotVersion version) {
        return directory(table).resolve(version + SIGNATURE_SUFFIX);
    }

    /** Every line of the table's manifest, in order (none for an unknown table). */
    public List<Entry> manifest(String table) {
        Path file = directory(table).resolve(MANIFEST);
        List<String> lines;
        try {
            // bytes that are not UTF-8 become U+FFFD: such a line fails its parse or its signature, not the read
            lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        var entries = new ArrayList<Entry>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                ManifestLine line = ManifestLine.parse(lines.get(i));
                if (!line.table().equals(table)) {
                    entries.add(new Entry(
                            i + 1, Optional.empty(), "the line names table " + line.table() + ", not " + table));
                } else {
                    entries.add(new Entry(i + 1, Optional.of(line), null));
                }
            } catch (SnapshotRefusedException e) {
                entries.add(new Entry(i + 1, Optional.empty(), e.getMessage()));
            }
        }
        return entries;
    }

    /** The parsed lines of the manifest. */
    public List<ManifestLine> lines(String table) {
        return manifest(table).stream().flatMap(entry -> entry.line().stream()).toList();
    }

    /** Whether both files of a version are here. */
    public boolean holds(String table, SnapshotVersion version) {
        return Files.isRegularFile(payload(table, version)) && Files.isRegularFile(signature(table, version));
    }

    /** Publishes a version: its files first, then its manifest line (appended and forced to disk). */
    void put(ManifestLine line, byte[] payload, String detachedSignature) {
        String table = line.table();
        writeAtomically(payload(table, line.version()), payload);
        writeAtomically(signature(table, line.version()), detachedSignature.getBytes(StandardCharsets.US_ASCII));
        append(directory(table).resolve(MANIFEST), (line.toJson() + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Deletes a version's files (its manifest line stays: the manifest is append-only). */
    void delete(String table, SnapshotVersion version) {
        try {
            Files.deleteIfExists(payload(table, version));
            Files.deleteIfExists(signature(table, version));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + version + " of " + table, e);
        }
    }

    /** Runs {@code action} holding the table's lock file, so two writers never interleave. */
    <T> T locked(String table, java.util.function.Supplier<T> action) {
        Path lock = directory(table).resolve(".lock");
        try {
            Files.createDirectories(lock.getParent());
            try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                return action.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + lock, e);
        }
    }

    /** Writes a file under a temporary name in the same directory, forces it to disk, and moves it into place. */
    public static void writeAtomically(Path target, byte[] bytes) {
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true);
                }
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private static void append(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }
}
