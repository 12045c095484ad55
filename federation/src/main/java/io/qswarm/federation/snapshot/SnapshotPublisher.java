package io.qswarm.federation.snapshot;

import io.qswarm.intelligence.api.Checks;
import java.time.Clock;
import java.util.Comparator;

/**
 * Publishes tables as versioned, signed snapshots into a {@link SnapshotStore}: picks the next version by the rules of
 * {@link VersionBump}, compresses the payload, records a manifest line (time from the injected clock) and signs it.
 * A facade for the CLI and REST wiring: {@code publish(snapshot)} is all they need.
 */
public final class SnapshotPublisher {

    private final SnapshotStore store;
    private final SnapshotSigner signer;
    private final Clock clock;
    private final SnapshotLimits limits;

    public SnapshotPublisher(SnapshotStore store, SnapshotSigner signer, Clock clock, SnapshotLimits limits) {
        this.store = Checks.required("store", store);
        this.signer = Checks.required("signer", signer);
        this.clock = Checks.required("clock", clock);
        this.limits = Checks.required("limits", limits);
    }

    /** What a publication did. */
    public record Published(ManifestLine line, VersionBump.Kind bump) {}

    /**
     * Publishes the next version of the snapshot's table.
     *
     * @throws SnapshotRefusedException {@code NOTHING_NEW} when nothing changed since the latest version, {@code
     *     OVERSIZED} beyond the limits
     */
    public Published publish(KnowledgeSnapshot snapshot) {
        return publish(snapshot, null);
    }

    /**
     * Publishes the next version of the snapshot's table with the bump asked for ({@code PATCH}, {@code MINOR},
     * {@code MAJOR}, or null for the one {@link VersionBump} requires).
     *
     * @throws SnapshotRefusedException also {@code BUMP_TOO_SMALL} when the rules require a larger bump
     */
    public Published publish(KnowledgeSnapshot snapshot, VersionBump.Kind bump) {
        Checks.required("snapshot", snapshot);
        String table = snapshot.table().tableId().value();
        return store.locked(table, () -> {
            ManifestLine latest = store.lines(table).stream()
                    .max(Comparator.comparing(ManifestLine::version))
                    .orElse(null);
            Descriptor descriptor = Descriptor.of(snapshot);
            long samples = snapshot.samples();
            VersionBump.Next next = VersionBump.next(latest, descriptor, samples, bump);
            byte[] payload = SnapshotPayload.encode(snapshot, limits);
            var unsigned = new ManifestLine(
                    table,
                    next.version(),
                    Descriptor.sha256(payload),
                    payload.length,
                    clock.instant(),
                    samples,
                    Snapshots.dimensionsOf(snapshot),
                    snapshot.sourceEventPosition(),
                    descriptor,
                    signer.keyId(),
                    null);
            ManifestLine line = unsigned.signed(signer.sign(unsigned.canonicalBytes()));
            store.put(line, payload, line.signature());
            return new Published(line, next.kind());
        });
    }
}
