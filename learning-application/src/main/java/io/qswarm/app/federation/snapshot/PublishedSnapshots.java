package io.qswarm.app.federation.snapshot;

import io.qswarm.app.federation.FederationConflictException;
import io.qswarm.app.federation.NotFoundException;
import io.qswarm.audit.ReplayLimit;
import io.qswarm.audit.StoreAudits;
import io.qswarm.audit.TableState;
import io.qswarm.federation.snapshot.ManifestLine;
import io.qswarm.federation.snapshot.SnapshotPublisher;
import io.qswarm.federation.snapshot.SnapshotStore;
import io.qswarm.federation.snapshot.SnapshotVersion;
import io.qswarm.federation.snapshot.VersionBump;
import io.qswarm.intelligence.api.ConfidencePolicy;
import io.qswarm.intelligence.api.QTableId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * This deployment's published snapshots, in {@code <snapshots>/published/<table>/}: a table is read by replaying its
 * events (verified like an audit, so the snapshot names the exact event it reflects), then published as its next
 * version, signed with the deployment's identity key; peers read the manifest and the files back.
 */
final class PublishedSnapshots {

    private final StoreAudits audits;
    private final ConfidencePolicy confidence;
    private final SnapshotStore store;
    private final Supplier<SnapshotPublisher> publisherFactory;
    private SnapshotPublisher publisher;

    /** @param publisher makes the publisher when first needed (it loads, or creates, the identity key) */
    PublishedSnapshots(
            StoreAudits audits,
            ConfidencePolicy confidence,
            SnapshotStore store,
            Supplier<SnapshotPublisher> publisher) {
        this.audits = audits;
        this.confidence = confidence;
        this.store = store;
        this.publisherFactory = publisher;
    }

    private synchronized SnapshotPublisher publisher() {
        if (publisher == null) {
            publisher = publisherFactory.get();
        }
        return publisher;
    }

    /**
     * Publishes the table's current knowledge as its next version.
     *
     * @param bump the bump asked for, or null for the one the version rules require
     */
    SnapshotPublisher.Published publish(QTableId table, VersionBump.Kind bump) {
        TableState state;
        try {
            state = audits.asOf(table.value(), ReplayLimit.NONE).orElseThrow(() -> unknownTable(table));
        } catch (StoreAudits.TamperedHistoryException e) {
            throw new FederationConflictException(
                    "tampered-history", "table '" + table + "' is not published: " + e.getMessage());
        }
        return publisher().publish(KnowledgeSnapshots.of(state, confidence), bump);
    }

    /** Every valid line of the table's manifest, oldest first. */
    List<ManifestLine> lines(String table) {
        manifestFile(table);
        return store.lines(table);
    }

    /** The manifest as published (one JSON line per version). */
    byte[] manifest(String table) {
        return read(manifestFile(table), table);
    }

    byte[] payload(String table, SnapshotVersion version) {
        requirePublished(table, version);
        return read(store.payload(table, version), table);
    }

    byte[] signature(String table, SnapshotVersion version) {
        requirePublished(table, version);
        return read(store.signature(table, version), table);
    }

    private void requirePublished(String table, SnapshotVersion version) {
        if (lines(table).stream().noneMatch(line -> line.version().equals(version))) {
            throw new NotFoundException("unknown-version", "table '" + table + "' has no published version " + version);
        }
    }

    private Path manifestFile(String table) {
        Path file = store.directory(QTableId.of(table).value()).resolve(SnapshotStore.MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException(
                    "unknown-table", "no snapshot of table '" + table + "' is published here (publish one first)");
        }
        return file;
    }

    private static byte[] read(Path file, String table) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NotFoundException(
                    "unknown-version", "the file " + file.getFileName() + " of table '" + table + "' is missing");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static NotFoundException unknownTable(QTableId table) {
        return new NotFoundException("unknown-table", "unknown table '" + table + "' (not a table of this deployment)");
    }
}
