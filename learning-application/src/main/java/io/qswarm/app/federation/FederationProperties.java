package io.qswarm.app.federation;

import io.qswarm.federation.snapshot.SnapshotLimits;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Federation settings ({@code qswarm.federation.*}); every one has a default, so none needs to be in
 * application.properties.
 *
 * @param peerId this deployment's name among its peers (default: {@code peer-} and the key's fingerprint)
 * @param replayWindow how far a packet's timestamp may lie from this server's clock, either way (default 2 min)
 * @param maxPacketBytes the largest packet accepted (default 8 MiB; a contribution of n entries takes about 150·n)
 * @param snapshotEvery events between snapshots of a swarm (default 250)
 * @param sync when rounds start by themselves
 * @param transport how packets are sent to peers
 * @param snapshots where knowledge snapshots are published and kept
 */
@ConfigurationProperties("qswarm.federation")
public record FederationProperties(
        String peerId,
        Duration replayWindow,
        Long maxPacketBytes,
        Integer snapshotEvery,
        Sync sync,
        Transport transport,
        Snapshots snapshots) {

    public FederationProperties {
        replayWindow = replayWindow == null ? Duration.ofMinutes(2) : replayWindow;
        if (replayWindow.isNegative() || replayWindow.isZero() || replayWindow.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException(
                    "qswarm.federation.replay-window must be in (0, PT1H], was " + replayWindow);
        }
        maxPacketBytes = maxPacketBytes == null ? 8L * 1024 * 1024 : maxPacketBytes;
        if (maxPacketBytes < 1024 || maxPacketBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "qswarm.federation.max-packet-bytes must be in [1024, 2^31 - 9], was " + maxPacketBytes);
        }
        snapshotEvery = snapshotEvery == null ? 250 : snapshotEvery;
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException("qswarm.federation.snapshot-every must be at least 1");
        }
        sync = sync == null ? new Sync(null, null, null, null) : sync;
        transport = transport == null ? new Transport(null, null, null, null) : transport;
        snapshots = snapshots == null ? new Snapshots(null, null, null, null) : snapshots;
    }

    /**
     * @param enabled start rounds when a swarm's sync period is due (default true)
     * @param tick how often swarms are checked (default 1 s)
     * @param seed the seed of the generator that draws each round's gossip seed (default 20261122)
     * @param fullSyncEvery every n-th round of a swarm asks for all knowledge instead of a delta (default 10; 0: never)
     */
    public record Sync(Boolean enabled, Duration tick, Long seed, Integer fullSyncEvery) {

        public Sync {
            enabled = enabled == null || enabled;
            tick = tick == null ? Duration.ofSeconds(1) : tick;
            if (tick.isNegative() || tick.isZero()) {
                throw new IllegalArgumentException("qswarm.federation.sync.tick must be positive, was " + tick);
            }
            seed = seed == null ? 20261122L : seed;
            fullSyncEvery = fullSyncEvery == null ? 10 : fullSyncEvery;
            if (fullSyncEvery < 0) {
                throw new IllegalArgumentException("qswarm.federation.sync.full-sync-every must not be negative");
            }
        }
    }

    /**
     * @param connectTimeout to open a connection to a peer (default 2 s)
     * @param requestTimeout for a peer's answer (default 30 s)
     * @param attempts sends of one packet when the peer cannot be reached or fails (default 3; refusals are final)
     * @param threads packets sent at once (default 2)
     */
    public record Transport(Duration connectTimeout, Duration requestTimeout, Integer attempts, Integer threads) {

        public Transport {
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
            requestTimeout = requestTimeout == null ? Duration.ofSeconds(30) : requestTimeout;
            attempts = attempts == null ? 3 : attempts;
            threads = threads == null ? 2 : threads;
            if (attempts < 1 || threads < 1) {
                throw new IllegalArgumentException("qswarm.federation.transport attempts and threads must be >= 1");
            }
        }
    }

    /**
     * @param directory where snapshots live: {@code published/<table>/} this deployment's, {@code peers/<peer>/} those
     *     fetched from peers (default {@code <qswarm.data-dir>/snapshots})
     * @param keep verified versions kept per fetched table (default 5)
     * @param maxCompressedBytes the largest snapshot file published or fetched (default 64 MiB)
     * @param maxUncompressedBytes the most a snapshot may inflate to (default 512 MiB)
     */
    public record Snapshots(Path directory, Integer keep, Long maxCompressedBytes, Long maxUncompressedBytes) {

        public Snapshots {
            keep = keep == null ? 5 : keep;
            if (keep < 1) {
                throw new IllegalArgumentException("qswarm.federation.snapshots.keep must be at least 1, was " + keep);
            }
            maxCompressedBytes =
                    maxCompressedBytes == null ? SnapshotLimits.DEFAULT.maxCompressedBytes() : maxCompressedBytes;
            maxUncompressedBytes =
                    maxUncompressedBytes == null ? SnapshotLimits.DEFAULT.maxUncompressedBytes() : maxUncompressedBytes;
            new SnapshotLimits(maxCompressedBytes, maxUncompressedBytes); // refuses limits out of range
        }

        /** The limits; refuses settings out of range. */
        public SnapshotLimits limits() {
            return new SnapshotLimits(maxCompressedBytes, maxUncompressedBytes);
        }

        /** The snapshot directory: the configured one, or {@code snapshots} under the data directory. */
        public Path directoryUnder(Path dataDir) {
            return directory != null ? directory : dataDir.resolve("snapshots");
        }
    }
}
