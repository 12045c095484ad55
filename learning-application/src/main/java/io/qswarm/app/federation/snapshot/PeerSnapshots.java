package io.qswarm.app.federation.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import io.qswarm.app.federation.FederationConflictException;
import io.qswarm.app.federation.NotFoundException;
import io.qswarm.app.federation.PeerRegistry;
import io.qswarm.audit.EntryLeaf;
import io.qswarm.audit.ReplayLimit;
import io.qswarm.audit.StoreAudits;
import io.qswarm.audit.TableState;
import io.qswarm.federation.exchange.KnowledgeTransfer;
import io.qswarm.federation.snapshot.KnowledgeSnapshot;
import io.qswarm.federation.snapshot.ManifestLine;
import io.qswarm.federation.snapshot.SnapshotConsumer;
import io.qswarm.federation.snapshot.SnapshotLimits;
import io.qswarm.federation.snapshot.SnapshotRefusedException;
import io.qswarm.federation.snapshot.SnapshotStore;
import io.qswarm.federation.snapshot.SnapshotVersion;
import io.qswarm.federation.snapshot.TrustStore;
import io.qswarm.federation.transport.Peer;
import io.qswarm.federation.transport.PeerId;
import io.qswarm.intelligence.api.CreateQTable;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.MergeCounts;
import io.qswarm.intelligence.api.QTableExport;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.ValueFunctionKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Snapshots fetched from registered peers, in {@code <snapshots>/peers/<peer>/}: each fetch downloads the peer's
 * manifest and the files of the versions it does not hold yet into {@code incoming/}, then a {@link SnapshotConsumer}
 * trusting only that peer's registered key checks them and keeps the verified copies in {@code trusted/} (the newest
 * valid version of the followed major; the last {@code keep}). Applying merges the trusted version's entries into a
 * local table through the ordinary merge command, so visits travel with their origins and are never counted twice;
 * when the snapshot brings no experience the table lacks, no command is sent at all.
 */
final class PeerSnapshots {

    /** A manifest is a line of about 800 bytes per version: 16 MiB is some 20,000 versions. */
    static final long MAX_MANIFEST_BYTES = 16L << 20;

    static final long MAX_SIGNATURE_BYTES = 4096;

    /** A version that was not trusted, and why. */
    record Rejected(String version, SnapshotRefusedException.Reason reason, String detail) {}

    /** What applying a trusted version did to the local table. */
    record Applied(String into, String version, boolean created, boolean merged, MergeCounts counts) {}

    /**
     * What a fetch found.
     *
     * @param trusted the manifest line of the version now trusted, or null when none passes every check
     * @param changed whether the trusted version moved
     * @param downloaded versions whose files were downloaded by this fetch
     * @param ignored versions of other majors
     * @param applied what the merge did, null unless asked for and a version is trusted
     */
    record Fetched(
            String peer,
            String table,
            int major,
            JsonNode trusted,
            boolean changed,
            List<String> downloaded,
            List<Rejected> rejected,
            List<String> ignored,
            Applied applied) {}

    private final PeerRegistry registry;
    private final SnapshotDownloads downloads;
    private final StoreAudits audits;
    private final CommandGateway commands;
    private final Path root;
    private final int keep;
    private final SnapshotLimits limits;
    private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

    PeerSnapshots(
            PeerRegistry registry,
            SnapshotDownloads downloads,
            StoreAudits audits,
            CommandGateway commands,
            Path root,
            int keep,
            SnapshotLimits limits) {
        this.registry = registry;
        this.downloads = downloads;
        this.audits = audits;
        this.commands = commands;
        this.root = root;
        this.keep = keep;
        this.limits = limits;
    }

    /**
     * Fetches the snapshots of {@code table} from {@code peer} and trusts the newest valid version of {@code major}
     * (the newest major the peer publishes when null); with {@code apply}, merges it into {@code into} (default
     * {@code <peer>.<table>}, created with the snapshot's definition when missing).
     */
    Fetched fetch(PeerId peerId, String table, Integer major, boolean apply, String into) {
        Peer peer = registry.find(peerId)
                .orElseThrow(() -> new NotFoundException(
                        "unknown-peer", "unknown peer '" + peerId + "'; register it first (it is not trusted)"));
        QTableId source = QTableId.of(table);
        QTableId target = apply ? target(peerId, source, into) : null;
        if (major != null && major < 1) {
            throw new IllegalArgumentException("major must be at least 1, was " + major);
        }
        synchronized (locks.computeIfAbsent(peerId.value() + '\u0000' + table, key -> new Object())) {
            Path directory = root.resolve("peers").resolve(peerId.value());
            var incoming = new SnapshotStore(directory.resolve("incoming"));
            var trusted = new SnapshotStore(directory.resolve("trusted"));
            byte[] manifest = downloads.manifest(peer, table, MAX_MANIFEST_BYTES);
            clear(incoming.directory(table));
            SnapshotStore.writeAtomically(incoming.directory(table).resolve(SnapshotStore.MANIFEST), manifest);
            List<ManifestLine> lines = incoming.lines(table);
            int followed = major != null
                    ? major
                    : lines.stream()
                            .mapToInt(line -> line.version().major())
                            .max()
                            .orElse(1);
            var downloaded = new ArrayList<String>();
            var rejected = new ArrayList<Rejected>();
            for (ManifestLine line : lines) {
                SnapshotVersion version = line.version();
                if (version.major() == followed
                        && !trusted.holds(table, version)
                        && download(peer, incoming, table, version, rejected)) {
                    downloaded.add(version.toString());
                }
            }
            var consumer = new SnapshotConsumer(
                    incoming,
                    trusted,
                    TrustStore.of(Map.of(peerId.value(), peer.publicKey().publicKey())),
                    followed,
                    keep,
                    limits);
            SnapshotConsumer.Refresh refresh = consumer.refresh(table);
            refresh.rejected().forEach(r -> rejected.add(new Rejected(r.version(), r.reason(), r.detail())));
            Optional<SnapshotConsumer.Trusted> current = refresh.current();
            Applied applied = apply && current.isPresent() ? apply(current.get(), target) : null;
            return new Fetched(
                    peerId.value(),
                    table,
                    followed,
                    current.map(t -> KnowledgeSnapshots.json(t.line())).orElse(null),
                    refresh.changed(),
                    List.copyOf(downloaded),
                    List.copyOf(rejected),
                    refresh.ignored().stream().map(SnapshotVersion::toString).toList(),
                    applied);
        }
    }

    private static QTableId target(PeerId peer, QTableId source, String into) {
        QTableId target = QTableId.of(into != null ? into : peer.value() + "." + source.value());
        if (target.equals(source)) {
            throw new IllegalArgumentException("into must differ from the snapshot's table id '" + source
                    + "': the peer's experiences of that table would count as the local table's own");
        }
        return target;
    }

    /** Downloads a version's payload and signature; whether the peer had both (a refused download is a rejection). */
    private boolean download(
            Peer peer, SnapshotStore incoming, String table, SnapshotVersion version, List<Rejected> rejected) {
        String path = SnapshotDownloads.segment(table) + "/" + version;
        try {
            Optional<byte[]> payload = downloads.get(peer, path, limits.maxCompressedBytes());
            Optional<byte[]> signature = downloads.get(peer, path + "/signature", MAX_SIGNATURE_BYTES);
            payload.ifPresent(bytes -> SnapshotStore.writeAtomically(incoming.payload(table, version), bytes));
            signature.ifPresent(bytes -> SnapshotStore.writeAtomically(incoming.signature(table, version), bytes));
            return payload.isPresent() && signature.isPresent();
        } catch (SnapshotRefusedException e) {
            rejected.add(new Rejected(version.toString(), e.reason(), e.getMessage()));
            return false;
        }
    }

    /** Merges a trusted snapshot into {@code target}; nothing is sent when it brings no experience the table lacks. */
    private Applied apply(SnapshotConsumer.Trusted trusted, QTableId target) {
        KnowledgeSnapshot snapshot = trusted.snapshot();
        QTableExport table = snapshot.table();
        String version = trusted.line().version().toString();
        if (snapshot.valueFunction() != ValueFunctionKind.TABULAR) {
            throw new FederationConflictException(
                    "snapshot-not-mergeable",
                    "the snapshot " + version + " of '" + table.tableId() + "' holds a " + snapshot.valueFunction()
                            + " value function: only flat tables are applied from snapshots");
        }
        Optional<TableState> existing = stateOf(target);
        boolean created = existing.isEmpty();
        if (created) {
            commands.sendAndWait(new CreateQTable(
                    target,
                    table.agentId(),
                    table.actions(),
                    table.rule(),
                    table.alpha(),
                    table.gamma(),
                    snapshot.exploration() != null ? snapshot.exploration() : ExplorationSchedule.constant(0.1)));
        } else {
            requireCompatible(existing.get(), table, version);
        }
        List<EntryLeaf> local = existing.map(TableState::entries).orElse(List.of());
        long visited = table.entries().stream().filter(e -> e.visits() > 0).count();
        if (KnowledgeSnapshots.entriesWithNewExperience(local, table) == 0) {
            return new Applied(target.value(), version, created, false, new MergeCounts(0, 0, (int) visited, 0));
        }
        MergeCounts counts =
                commands.sendAndWait(KnowledgeTransfer.mergeOf(table, target, "snapshot-" + version, null));
        return new Applied(target.value(), version, created, true, counts);
    }

    private Optional<TableState> stateOf(QTableId table) {
        try {
            return audits.asOf(table.value(), ReplayLimit.NONE);
        } catch (StoreAudits.TamperedHistoryException e) {
            throw new FederationConflictException(
                    "tampered-history", "nothing is merged into '" + table + "': " + e.getMessage());
        }
    }

    private static void requireCompatible(TableState local, QTableExport snapshot, String version) {
        List<String> mine = KnowledgeSnapshots.actionNames(local.actions());
        List<String> theirs = KnowledgeSnapshots.actionNames(snapshot.actions());
        if (local.valueFunction() != ValueFunctionKind.TABULAR || !mine.equals(theirs)) {
            throw new FederationConflictException(
                    "table-mismatch",
                    "table '" + local.tableId() + "' (" + local.valueFunction() + ", actions " + mine
                            + ") cannot take the snapshot " + version + " of '" + snapshot.tableId() + "' (actions "
                            + theirs + "): apply it into another table (into)");
        }
    }

    /** Removes the files of an earlier download, so the incoming directory holds what this fetch read. */
    private static void clear(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(SnapshotStore.PAYLOAD_SUFFIX) || name.endsWith(SnapshotStore.SIGNATURE_SUFFIX)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + directory, e);
        }
    }
}
