package io.qswarm.app.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qswarm.app.QSwarmCli;
import io.qswarm.federation.api.RoundId;
import io.qswarm.federation.api.SwarmId;
import io.qswarm.federation.transport.ContributionPacket;
import io.qswarm.federation.transport.MergeRequestPacket;
import io.qswarm.federation.transport.Nonce;
import io.qswarm.federation.transport.PacketSigner;
import io.qswarm.federation.transport.PeerId;
import io.qswarm.infra.axon.QSwarmSerializers;
import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.StateKey;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two QSwarm deployments, alpha and beta, as two real processes ({@code qswarm serve}) with two H2 stores, federating
 * over HTTP on 127.0.0.1. They exchange public keys; alpha coordinates a swarm of its table a-1 and beta's table b-1; a
 * round merges each table into the other. Then forged, tampered, replayed, stale, misaddressed and oversized packets
 * are refused with RFC 9457 problems, and the receiver's event store does not grow by a single event.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederationAcrossDeploymentsIT {

    private static final int MAX_PACKET_BYTES = 65_536;
    private static final String ACTIONS = "[{\"name\":\"left\",\"baseCost\":0},{\"name\":\"right\",\"baseCost\":0}]";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = QSwarmSerializers.storageMapper();

    @TempDir
    static Path work;

    private Server alpha;
    private Server beta;

    record Server(String name, int port, Path data, Path log, Process process) {

        String url() {
            return "http://127.0.0.1:" + port;
        }
    }

    record Response(int status, JsonNode body, String contentType) {}

    @BeforeAll
    void twoDeploymentsThatTrustEachOther() throws Exception {
        alpha = start("alpha");
        beta = start("beta");
        awaitUp(alpha);
        awaitUp(beta);

        JsonNode alphaIdentity = get(alpha, "/api/v1/federation/identity").body();
        JsonNode betaIdentity = get(beta, "/api/v1/federation/identity").body();
        assertThat(alphaIdentity.get("peerId").asText()).isEqualTo("alpha");
        assertThat(betaIdentity.get("peerId").asText()).isEqualTo("beta");
        expect(post(alpha, "/api/v1/federation/peers", peerJson(beta, betaIdentity)), 201);
        expect(post(beta, "/api/v1/federation/peers", peerJson(alpha, alphaIdentity)), 201);

        table(alpha, "a-1", "sa");
        table(beta, "b-1", "sb");
        table(beta, "b-2", "sc");
    }

    /** Stops both servers and keeps their logs in {@code target/federation-it/} for a post-mortem. */
    @AfterAll
    void stop() throws InterruptedException, IOException {
        Path logs = Files.createDirectories(Path.of("target", "federation-it"));
        for (Server server : new Server[] {alpha, beta}) {
            if (server != null) {
                server.process().destroy();
                if (!server.process().waitFor(20, TimeUnit.SECONDS)) {
                    server.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
                Files.copy(
                        server.log(),
                        logs.resolve(server.name() + ".log"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void aRoundAcrossTwoDeploymentsMergesEachTableIntoTheOther() throws Exception {
        // given alpha's swarm of its own a-1 and beta's b-1
        expect(
                post(
                        alpha,
                        "/api/v1/swarms",
                        """
                        {"swarmId":"across","members":["a-1","b-1"],"remote":{"b-1":"beta"},
                         "topology":{"kind":"full_mesh"},"quorum":{"minimum":2},"roundTimeout":"PT60S",
                         "syncPeriod":{"unit":"interval","interval":"PT1H"}}
                        """),
                201);

        // when alpha starts a round
        Response started = expect(post(alpha, "/api/v1/swarms/across/rounds", "{\"seed\":11}"), 201);
        assertThat(started.body().get("id").asText()).isEqualTo("across:1");

        // then beta's contribution arrives, signed, and the round completes with both merged
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Response round = get(alpha, "/api/v1/swarms/across/rounds/across:1");
            return round.status() == 200 && !round.body().get("status").asText().equals("OPEN");
        });
        JsonNode round = get(alpha, "/api/v1/swarms/across/rounds/across:1").body();
        assertThat(round.get("status").asText()).as("%s", round).isEqualTo("COMPLETED");
        assertThat(round.get("contributions").asInt()).isEqualTo(2);
        assertThat(round.get("outcome").get("merged").toString()).isEqualTo("[\"a-1\",\"b-1\"]");

        // and alpha's table holds beta's experience, beta's table alpha's, each counted by origin
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(visits(alpha, "a-1", "sb", "b-1")).isEqualTo(2);
            assertThat(visits(beta, "b-1", "sa", "a-1")).isEqualTo(2);
        });
        assertThat(visits(alpha, "a-1", "sa", "a-1")).isEqualTo(2);
        assertThat(visits(beta, "b-1", "sb", "b-1")).isEqualTo(2);
        JsonNode merges = get(beta, "/api/v1/tables/b-1/merges").body();
        assertThat(merges.toString()).contains("\"peer\":\"across\"", "\"round\":\"across:1\"");

        // and the swarm shows its remote member with its host
        assertThat(get(alpha, "/api/v1/swarms/across")
                        .body()
                        .get("remoteMembers")
                        .toString())
                .isEqualTo("{\"b-1\":\"beta\"}");
    }

    @Test
    void refusedPacketsAreAnsweredAsProblemsAndLeaveNoEventBehind() throws Exception {
        PrivateKey betaKey = new PeerIdentity(beta.data().resolve("federation"), "beta").privateKey();
        PrivateKey alphaKey = new PeerIdentity(alpha.data().resolve("federation"), "alpha").privateKey();
        PrivateKey malloryKey =
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
        Clock now = Clock.systemUTC();
        SwarmId swarm = SwarmId.of("across");
        RoundId round = RoundId.of(swarm, 1);
        QTableId b1 = QTableId.of("b-1");
        List<PeerEntry> entries = List.of(new PeerEntry(StateKey.of("forged"), "left", 99.0, 0, Map.of("b-1", 50L)));

        // an unknown peer
        refused(
                alpha,
                "/api/v1/federation/contributions",
                bytes(signer("mallory", malloryKey, now)
                        .contribution(PeerId.of("alpha"), swarm, round, b1, 60, entries)),
                403,
                "unknown-peer");

        // a packet in beta's name, signed with another key
        refused(
                alpha,
                "/api/v1/federation/contributions",
                bytes(signer("beta", malloryKey, now).contribution(PeerId.of("alpha"), swarm, round, b1, 60, entries)),
                403,
                "bad-signature");

        // a packet beta really signed, changed on the way
        ContributionPacket genuine =
                signer("beta", betaKey, now).contribution(PeerId.of("alpha"), swarm, round, b1, 60, entries);
        ObjectNode tampered = (ObjectNode) json.valueToTree(genuine);
        ((ObjectNode) tampered.get("entries").get(0)).put("q", 1000.0);
        refused(alpha, "/api/v1/federation/contributions", json.writeValueAsBytes(tampered), 403, "bad-signature");

        // a packet issued ten minutes ago
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofMinutes(10)), ZoneOffset.UTC);
        refused(
                alpha,
                "/api/v1/federation/contributions",
                bytes(signer("beta", betaKey, past).contribution(PeerId.of("alpha"), swarm, round, b1, 60, entries)),
                409,
                "stale-packet");

        // a packet beta addressed to another deployment
        refused(
                alpha,
                "/api/v1/federation/contributions",
                bytes(signer("beta", betaKey, now).contribution(PeerId.of("gamma"), swarm, round, b1, 60, entries)),
                403,
                "wrong-receiver");

        // beta speaking for alpha's own table
        refused(
                alpha,
                "/api/v1/federation/contributions",
                bytes(signer("beta", betaKey, now)
                        .contribution(PeerId.of("alpha"), swarm, round, QTableId.of("a-1"), 60, entries)),
                403,
                "not-the-host");

        // a packet larger than alpha accepts, even though genuine
        var many = new ArrayList<PeerEntry>();
        for (int i = 0; i < 1_000; i++) {
            many.add(new PeerEntry(StateKey.of("state-" + i), "left", i, 0, Map.of("b-1", 1L)));
        }
        byte[] large = bytes(signer("beta", betaKey, now).contribution(PeerId.of("alpha"), swarm, round, b1, 60, many));
        assertThat(large.length).isGreaterThan(MAX_PACKET_BYTES);
        refused(alpha, "/api/v1/federation/contributions", large, 413, "packet-too-large");

        // not a packet at all
        refused(
                alpha,
                "/api/v1/federation/merges",
                "{\"hello\":1}".getBytes(StandardCharsets.UTF_8),
                400,
                "malformed-packet");

        // a genuine merge request from alpha is accepted once by beta; the same bytes again are a replay
        MergeRequestPacket merge = signer("alpha", alphaKey, now)
                .mergeRequest(
                        PeerId.of("beta"),
                        SwarmId.of("side"),
                        RoundId.of("side:1"),
                        QTableId.of("b-2"),
                        MergeStrategy.VISIT_WEIGHTED_MEAN,
                        List.of(new PeerEntry(StateKey.of("sz"), "left", 0.5, 0, Map.of("a-9", 3L))));
        byte[] mergeBytes = bytes(merge);
        long before = head(beta);
        Response accepted = post(beta, "/api/v1/federation/merges", mergeBytes);
        assertThat(accepted.status()).as("%s", accepted.body()).isEqualTo(200);
        assertThat(accepted.body().get("added").asInt()).isEqualTo(1);
        assertThat(head(beta)).isGreaterThan(before);
        refused(beta, "/api/v1/federation/merges", mergeBytes, 409, "replayed-nonce");

        // and the refusals were counted
        JsonNode packets = get(alpha, "/api/v1/federation/status").body().get("packets");
        assertThat(packets.get("refused").get("bad-signature").asInt()).isGreaterThanOrEqualTo(2);
    }

    /** Posts the bytes and checks the problem, and that the receiver stored no event meanwhile. */
    private void refused(Server receiver, String path, byte[] body, int status, String code) throws Exception {
        long before = head(receiver);
        Response response = post(receiver, path, body);
        assertThat(response.status()).as("%s: %s", code, response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("code").asText()).isEqualTo(code);
        assertThat(response.body().get("detail").asText()).isNotBlank();
        assertThat(head(receiver))
                .as("events stored by %s after a %s packet", receiver.name(), code)
                .isEqualTo(before);
    }

    /** The global index of the newest event in the server's store. */
    private long head(Server server) throws Exception {
        return get(server, "/api/v1/projections/table-summary")
                .body()
                .get("head")
                .asLong();
    }

    private long visits(Server server, String table, String state, String origin) throws Exception {
        JsonNode entries = get(server, "/api/v1/tables/" + table + "/entries?state=" + state)
                .body();
        if (entries == null
                || entries.get("entries") == null
                || entries.get("entries").isEmpty()) {
            return 0;
        }
        return entries.get("entries").get(0).get("visitsByOrigin").path(origin).asLong();
    }

    private PacketSigner signer(String peer, PrivateKey key, Clock clock) {
        var random = new SecureRandom();
        return new PacketSigner(PeerId.of(peer), key, clock, () -> Nonce.from(random));
    }

    private byte[] bytes(Object packet) throws IOException {
        return json.writeValueAsBytes(packet);
    }

    private void table(Server server, String id, String state) throws Exception {
        expect(
                post(
                        server,
                        "/api/v1/tables",
                        "{\"tableId\":\"%s\",\"agentId\":\"agent-%s\",\"actions\":%s}".formatted(id, id, ACTIONS)),
                201);
        expect(
                post(
                        server,
                        "/api/v1/tables/" + id + "/experiences",
                        """
                        {"idempotencyKey":"e-1","experiences":[
                          {"state":"%s","action":"right","reward":1.0,"terminal":true},
                          {"state":"%s","action":"right","reward":1.0,"terminal":true}]}
                        """
                                .formatted(state, state)),
                200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> get(server, "/api/v1/tables/" + id).status() == 200);
    }

    private static String peerJson(Server server, JsonNode identity) {
        return "{\"peerId\":\"%s\",\"baseUrl\":\"%s\",\"publicKey\":\"%s\"}"
                .formatted(
                        identity.get("peerId").asText(),
                        server.url(),
                        identity.get("publicKey").asText());
    }

    private Server start(String name) throws IOException {
        int port;
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path data = Files.createDirectories(work.resolve(name));
        Path log = work.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(
                        java,
                        "-Xmx512m",
                        "-XX:TieredStopAtLevel=1",
                        "-Daxoniq.update-checker.disabled=true",
                        "-cp",
                        System.getProperty("java.class.path"),
                        QSwarmCli.class.getName(),
                        "serve",
                        "--port",
                        Integer.toString(port),
                        "--data",
                        data.toString(),
                        "--",
                        "--qswarm.federation.peer-id=" + name,
                        "--qswarm.federation.sync.enabled=false",
                        "--qswarm.federation.max-packet-bytes=" + MAX_PACKET_BYTES,
                        "--spring.main.banner-mode=off",
                        "--logging.level.org.axonframework=WARN")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new Server(name, port, data, log, process);
    }

    private void awaitUp(Server server) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
        while (System.nanoTime() < deadline) {
            if (!server.process().isAlive()) {
                throw new AssertionError(server.name() + " exited:\n" + Files.readString(server.log()));
            }
            try {
                if (get(server, "/actuator/health").status() == 200) {
                    return;
                }
            } catch (IOException | InterruptedException notYet) {
                // still starting
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError(server.name() + " did not start:\n" + Files.readString(server.log()));
    }

    private Response get(Server server, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(server.url() + path)).GET());
    }

    private Response post(Server server, String path, String body) throws IOException, InterruptedException {
        return post(server, path, body.getBytes(StandardCharsets.UTF_8));
    }

    private Response post(Server server, String path, byte[] body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        JsonNode node = body == null || body.isBlank() ? null : json.readTree(body);
        return new Response(
                response.statusCode(),
                node,
                response.headers().firstValue("Content-Type").orElse(""));
    }

    private static Response expect(Response response, int status) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(status);
        return response;
    }
}
