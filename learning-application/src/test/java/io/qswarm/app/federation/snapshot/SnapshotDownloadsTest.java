package io.qswarm.app.federation.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.qswarm.app.federation.FederationProperties;
import io.qswarm.app.federation.NotFoundException;
import io.qswarm.federation.snapshot.SnapshotRefusedException;
import io.qswarm.federation.transport.Peer;
import io.qswarm.federation.transport.PeerId;
import io.qswarm.federation.transport.PeerKey;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading a peer's snapshot files: within the limit, or refused before the bytes are kept. */
class SnapshotDownloadsTest {

    private final SnapshotDownloads downloads = new SnapshotDownloads(
            new FederationProperties.Transport(null, null, null, null), peer -> java.util.Optional.empty());
    private HttpServer server;
    private int status = 200;
    private byte[] answer = new byte[0];

    @BeforeEach
    void stubPeer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Peer peerAt(int port) throws NoSuchAlgorithmException {
        return new Peer(
                PeerId.of("alpha"),
                URI.create("http://127.0.0.1:" + port),
                PeerKey.of(KeyPairGenerator.getInstance("Ed25519")
                        .generateKeyPair()
                        .getPublic()));
    }

    private Peer peer() throws NoSuchAlgorithmException {
        return peerAt(server.getAddress().getPort());
    }

    @Test
    void aFileWithinTheLimitIsRead() throws Exception {
        answer = new byte[] {1, 2, 3};
        assertThat(downloads.get(peer(), "t1/v1.0.0", 3)).hasValue(new byte[] {1, 2, 3});
    }

    @Test
    void aFileBeyondTheLimitIsRefusedAsOversized() throws Exception {
        answer = new byte[100];
        assertThatThrownBy(() -> downloads.get(peer(), "t1/v1.0.0", 99))
                .isInstanceOf(SnapshotRefusedException.class)
                .hasMessageContaining("larger than the limit of 99 bytes")
                .extracting(e -> ((SnapshotRefusedException) e).reason())
                .isEqualTo(SnapshotRefusedException.Reason.OVERSIZED);
    }

    @Test
    void aMissingFileIsEmptyAndAMissingManifestAnUnknownTable() throws Exception {
        status = 404;
        assertThat(downloads.get(peer(), "t1/v1.0.0", 10)).isEmpty();
        assertThatThrownBy(() -> downloads.manifest(peer(), "t1", 10))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("peer 'alpha' publishes no snapshot of table 't1'");
    }

    @Test
    void aFailingOrSilentPeerIsReportedWithItsCode() throws Exception {
        status = 500;
        assertThatThrownBy(() -> downloads.get(peer(), "t1/manifest.jsonl", 10))
                .isInstanceOf(SnapshotTransferException.class)
                .hasMessageContaining("answered 500")
                .extracting(e -> ((SnapshotTransferException) e).code())
                .isEqualTo("peer-failed");
        int free;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = socket.getLocalPort();
        }
        Peer silent = peerAt(free);
        assertThatThrownBy(() -> downloads.get(silent, "t1/manifest.jsonl", 10))
                .isInstanceOf(SnapshotTransferException.class)
                .extracting(e -> ((SnapshotTransferException) e).code())
                .isEqualTo("peer-unreachable");
    }
}
