package io.qswarm.app.federation.snapshot;

import io.qswarm.app.federation.FederationProperties;
import io.qswarm.app.federation.NotFoundException;
import io.qswarm.app.federation.PeerLink;
import io.qswarm.federation.snapshot.SnapshotRefusedException;
import io.qswarm.federation.transport.Peer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads a peer's published snapshot files over HTTP ({@code GET <peer>/api/v1/snapshots/...}), never more than a
 * limit: a peer that sends more is refused ({@code OVERSIZED}) before the bytes are kept. What arrives is not trusted
 * here: the consumer checks it.
 */
final class SnapshotDownloads {

    static final String BASE = "/api/v1/snapshots/";

    private final HttpClient http;
    private final Duration requestTimeout;
    private final PeerLink.PeerCredentials credentials;

    SnapshotDownloads(FederationProperties.Transport transport, PeerLink.PeerCredentials credentials) {
        this.requestTimeout = transport.requestTimeout();
        this.credentials = credentials;
        this.http = HttpClient.newBuilder()
                .connectTimeout(transport.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * The file at {@code path} (below {@code /api/v1/snapshots/}) of {@code peer}; empty when the peer answers 404.
     *
     * @throws SnapshotRefusedException {@code OVERSIZED} beyond {@code maxBytes}
     * @throws SnapshotTransferException when the peer cannot be reached or fails
     */
    Optional<byte[]> get(Peer peer, String path, long maxBytes) {
        var request = credentials
                .authorize(HttpRequest.newBuilder(peer.resolve(BASE + path)), peer.id())
                .timeout(requestTimeout)
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() == 404) {
                    return Optional.empty();
                }
                if (response.statusCode() == 401 || response.statusCode() == 403) {
                    throw new SnapshotTransferException(
                            "peer-refused",
                            "peer '" + peer.id() + "' refused this deployment's credential (" + response.statusCode()
                                    + " to GET " + BASE + path + "): register the peer token it issued to this"
                                    + " deployment (./qswarm federate peers add|rotate --credential TOKEN)");
                }
                if (response.statusCode() != 200) {
                    throw new SnapshotTransferException(
                            "peer-failed",
                            "peer '" + peer.id() + "' answered " + response.statusCode() + " to GET " + BASE + path);
                }
                byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw new SnapshotRefusedException(
                            SnapshotRefusedException.Reason.OVERSIZED,
                            BASE + path + " of peer '" + peer.id() + "' is larger than the limit of " + maxBytes
                                    + " bytes");
                }
                return Optional.of(bytes);
            }
        } catch (IOException e) {
            throw new SnapshotTransferException(
                    "peer-unreachable",
                    "cannot read " + BASE + path + " from peer '" + peer.id() + "' at " + peer.baseUrl() + ": "
                            + e.getClass().getSimpleName() + " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SnapshotTransferException(
                    "peer-unreachable", "interrupted while reading from '" + peer.id() + "'");
        }
    }

    /** The manifest of {@code table} on {@code peer}. */
    byte[] manifest(Peer peer, String table, long maxBytes) {
        return get(peer, segment(table) + "/manifest.jsonl", maxBytes)
                .orElseThrow(() -> new NotFoundException(
                        "unknown-table", "peer '" + peer.id() + "' publishes no snapshot of table '" + table + "'"));
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
