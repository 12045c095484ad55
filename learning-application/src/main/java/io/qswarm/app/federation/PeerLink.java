package io.qswarm.app.federation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qswarm.federation.transport.Peer;
import io.qswarm.federation.transport.PeerId;
import io.qswarm.federation.transport.SignedPacket;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends signed packets to peers as {@code POST <peer base URL><path>} with a JSON body, in the background. A peer that
 * cannot be reached or fails (5xx) gets the same bytes again, up to {@code attempts} times with a growing pause: if an
 * earlier attempt did arrive, the receiver refuses the copy as a replay, so a packet acts at most once. A refusal (4xx)
 * is final and logged with the receiver's reason.
 */
public class PeerLink implements AutoCloseable {

    /** What became of one packet. */
    public record Delivery(int status, String body) {

        public boolean accepted() {
            return status >= 200 && status < 300;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(PeerLink.class);

    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration requestTimeout;
    private final int attempts;
    private final ExecutorService senders;
    private final PeerCredentials credentials;

    /** The credential each peer issued to this deployment, sent as {@code Authorization: Bearer}. */
    @FunctionalInterface
    public interface PeerCredentials {
        Optional<String> of(PeerId peer);

        /** Adds the peer's credential, when one is held, to a request to it. */
        default HttpRequest.Builder authorize(HttpRequest.Builder request, PeerId peer) {
            of(peer).ifPresent(credential -> request.header("Authorization", "Bearer " + credential));
            return request;
        }
    }

    public PeerLink(ObjectMapper json, FederationProperties.Transport settings, PeerCredentials credentials) {
        this.json = json;
        this.credentials = credentials;
        this.requestTimeout = settings.requestTimeout();
        this.attempts = settings.attempts();
        var counter = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(settings.threads(), runnable -> {
            var thread = new Thread(runnable, "qswarm-peer-link-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** Sends {@code packet} to {@code path} of {@code peer} in the background. */
    public CompletableFuture<Delivery> send(Peer peer, String path, SignedPacket packet) {
        byte[] body = serialize(packet);
        return CompletableFuture.supplyAsync(() -> deliver(peer, path, packet, body), senders);
    }

    private Delivery deliver(Peer peer, String path, SignedPacket packet, byte[] body) {
        String what = packet.header().kind() + " " + packet.header().roundId() + "/"
                + packet.header().participant() + " to '" + peer.id() + "'";
        Delivery last = new Delivery(0, "not sent");
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpResponse<String> response = http.send(
                        credentials
                                .authorize(HttpRequest.newBuilder(peer.resolve(path)), peer.id())
                                .timeout(requestTimeout)
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/json, application/problem+json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                last = new Delivery(response.statusCode(), response.body());
                if (last.accepted()) {
                    log.debug("federation: {} accepted ({})", what, last.status());
                    return last;
                }
                if (last.status() < 500) {
                    log.warn("federation: {} refused ({}): {}", what, last.status(), abbreviate(last.body()));
                    return last;
                }
            } catch (IOException e) {
                last = new Delivery(0, e.getClass().getSimpleName() + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Delivery(0, "interrupted");
            }
            if (attempt < attempts) {
                pause(250L << attempt);
            }
        }
        log.warn("federation: {} not delivered after {} attempts: {}", what, attempts, abbreviate(last.body()));
        return last;
    }

    private byte[] serialize(SignedPacket packet) {
        try {
            return json.writeValueAsBytes(packet);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a " + packet.header().kind() + " packet as JSON", e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String abbreviate(String text) {
        String flat = String.valueOf(text).replaceAll("\\s+", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
    }

    @Override
    public void close() throws InterruptedException {
        senders.shutdown();
        if (!senders.awaitTermination(5, TimeUnit.SECONDS)) {
            senders.shutdownNow();
        }
    }
}
