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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two QSwarm deployments, alpha and beta, as two real processes ({@code qswarm serve}) with two H2 stores, federating
 * over HTTP on 127.0.0.1. Each shows its first admin token at its first start; each issues the other a peer token, and
 * they exchange public keys and those credentials; alpha coordinates a swarm of its table a-1 and beta's table b-1; a
 * round merges each table into the other. Then forged, tampered, replayed, stale, misaddressed, oversized, anonymous
 * and misattributed packets are refused with RFC 9457 problems, and the receiver's event store does not grow by a
 * single event; the peer-hijack sequence of issue 14 is refused at its first step.
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

    record Server(String name, int port, Path data, Path log, Process process, String[] admin) {

        String url() {
            return "http://127.0.0.1:" + port;
        }

        /** The admin token the server showed at its first start. */
        String adminToken() {
            return admin[0];
        }
    }

    private static final Pattern SHOWN_TOKEN = Pattern.compile("^ {4}(qsw_[a-z2-7]{12}_[A-Za-z0-9_-]{43})$");

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
        // each deployment issues the other a peer token, which the other sends with every packet
        expect(post(alpha, "/api/v1/federation/peers", peerJson(beta, betaIdentity, peerToken(beta, "alpha"))), 201);
        expect(post(beta, "/api/v1/federation/peers", peerJson(alpha, alphaIdentity, peerToken(alpha, "beta"))), 201);

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

        String betaAtAlpha = peerToken(alpha, "beta");
        ContributionPacket mallorys =
                signer("mallory", malloryKey, now).contribution(PeerId.of("alpha"), swarm, round, b1, 60, entries);

        // a packet without a credential, and one with a credential alpha never issued
        refused(alpha, "/api/v1/federation/contributions", bytes(mallorys), null, 401, "unauthorized");
        refused(
                alpha,
                "/api/v1/federation/contributions",
                bytes(mallorys),
                "qsw_aaaaaaaaaaaa_" + "A".repeat(43),
                401,
                "unauthorized");

        // a packet in mallory's name on beta's credential
        refused(alpha, "/api/v1/federation/contributions", bytes(mallorys), betaAtAlpha, 403, "forbidden");

        // an unknown peer, even with a peer token in its name
        refused(
                alpha,
                "/api/v1/federation/contributions",
                bytes(mallorys),
                peerToken(alpha, "mallory"),
                403,
                "unknown-peer");

        // a packet in beta's name, signed with another key
        refused(
                alpha,
                "/api/v1/federation/contributions",
                bytes(signer("beta", malloryKey, now).contribution(PeerId.of("alpha"), swarm, round, b1, 60, entries)),
                betaAtAlpha,
                403,
                "bad-signature");

        // a packet beta really signed, changed on the way
        ContributionPacket genuine =
                signer("beta", betaKey, now).contribution(PeerId.of("alpha"), swarm, round, b1, 60, entries);
        ObjectNode tampered = (ObjectNode) json.valueToTree(genuine);
        ((ObjectNode) tampered.get("entries").get(0)).put("q", 1000.0);
        refused(
                alpha,
                "/api/v1/federation/contributions",
                json.writeValueAsBytes(tampered),
                betaAtAlpha,
                403,
                "bad-signature");

        // a packet issued ten minutes ago
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofMinutes(10)), ZoneOffset.UTC);
        refused(
                alpha,
                "/api/v1/federation/contributions",
                bytes(signer("beta", betaKey, past).contribution(PeerId.of("alpha"), swarm, round, b1, 60, entries)),
                betaAtAlpha,
                409,
                "stale-packet");

        // a packet beta addressed to another deployment
        refused(
                alpha,
                "/api/v1/federation/contributions",
                bytes(signer("beta", betaKey, now).contribution(PeerId.of("gamma"), swarm, round, b1, 60, entries)),
                betaAtAlpha,
                403,
                "wrong-receiver");

        // beta speaking for alpha's own table
        refused(
                alpha,
                "/api/v1/federation/contributions",
                bytes(signer("beta", betaKey, now)
                        .contribution(PeerId.of("alpha"), swarm, round, QTableId.of("a-1"), 60, entries)),
                betaAtAlpha,
                403,
                "not-the-host");

        // a packet larger than alpha accepts, even though genuine
        var many = new ArrayList<PeerEntry>();
        for (int i = 0; i < 1_000; i++) {
            many.add(new PeerEntry(StateKey.of("state-" + i), "left", i, 0, Map.of("b-1", 1L)));
        }
        byte[] large = bytes(signer("beta", betaKey, now).contribution(PeerId.of("alpha"), swarm, round, b1, 60, many));
        assertThat(large.length).isGreaterThan(MAX_PACKET_BYTES);
        refused(alpha, "/api/v1/federation/contributions", large, betaAtAlpha, 413, "packet-too-large");

        // not a packet at all
        refused(
                alpha,
                "/api/v1/federation/merges",
                "{\"hello\":1}".getBytes(StandardCharsets.UTF_8),
                betaAtAlpha,
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
        String alphaAtBeta = peerToken(beta, "alpha");
        Response accepted = post(beta, "/api/v1/federation/merges", mergeBytes, alphaAtBeta);
        assertThat(accepted.status()).as("%s", accepted.body()).isEqualTo(200);
        assertThat(accepted.body().get("added").asInt()).isEqualTo(1);
        assertThat(head(beta)).isGreaterThan(before);
        refused(beta, "/api/v1/federation/merges", mergeBytes, alphaAtBeta, 409, "replayed-nonce");

        // and the refusals were counted
        JsonNode packets = get(alpha, "/api/v1/federation/status").body().get("packets");
        assertThat(packets.get("refused").get("bad-signature").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void thePeerHijackOfIssue14IsRefusedAtItsFirstStep() throws Exception {
        // given an attacker's key, and alpha's table a-1 as it is
        var mallory = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String malloryKey =
                Base64.getEncoder().encodeToString(mallory.getPublic().getEncoded());
        String malloryPeer = "{\"peerId\":\"mallory\",\"baseUrl\":\"http://127.0.0.1:9\",\"publicKey\":\"%s\"}"
                .formatted(malloryKey);
        long before = head(alpha);
        JsonNode betaBefore = get(alpha, "/api/v1/federation/peers/beta").body();

        // when an anonymous caller registers a "trusted" peer: 401, and nothing is registered
        Response anonymous = send(alpha, post(alpha.url() + "/api/v1/federation/peers", malloryPeer), null);
        assertThat(anonymous.status()).as("%s", anonymous.body()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.body().get("type").asText()).isEqualTo("urn:qswarm:problem:unauthorized");
        // and an agent or a viewer: 403
        for (String role : new String[] {"viewer", "agent"}) {
            Response refused = send(
                    alpha, post(alpha.url() + "/api/v1/federation/peers", malloryPeer), token(alpha, role, "agent-x"));
            assertThat(refused.status()).as("%s: %s", role, refused.body()).isEqualTo(403);
            assertThat(refused.body().get("type").asText()).isEqualTo("urn:qswarm:problem:forbidden");
            assertThat(refused.body().get("detail").asText()).contains("operator");
        }
        assertThat(get(alpha, "/api/v1/federation/peers/mallory").status()).isEqualTo(404);

        // and the later steps fail on their own too: re-keying beta anonymously (401), or as an operator without
        // asking for a rotation (409), leaves beta's key as it was
        String rekey = "{\"baseUrl\":\"%s\",\"publicKey\":\"%s\"}".formatted(beta.url(), malloryKey);
        assertThat(send(alpha, put(alpha.url() + "/api/v1/federation/peers/beta", rekey), null)
                        .status())
                .isEqualTo(401);
        Response rekeyed =
                send(alpha, put(alpha.url() + "/api/v1/federation/peers/beta", rekey), token(alpha, "operator", null));
        assertThat(rekeyed.status()).as("%s", rekeyed.body()).isEqualTo(409);
        assertThat(rekeyed.body().get("code").asText()).isEqualTo("key-change-refused");
        assertThat(get(alpha, "/api/v1/federation/peers/beta").body().get("keyId"))
                .isEqualTo(betaBefore.get("keyId"));

        // and a merge mallory signed, in its own name or beta's, is refused without a credential and with beta's
        MergeRequestPacket forged = signer("beta", mallory.getPrivate(), Clock.systemUTC())
                .mergeRequest(
                        PeerId.of("alpha"),
                        SwarmId.of("hijack"),
                        RoundId.of("hijack:1"),
                        QTableId.of("a-1"),
                        MergeStrategy.VISIT_WEIGHTED_MEAN,
                        List.of(new PeerEntry(StateKey.of("sa"), "right", -997.0, 0, Map.of("beta", 1_003L))));
        refused(alpha, "/api/v1/federation/merges", bytes(forged), null, 401, "unauthorized");
        refused(alpha, "/api/v1/federation/merges", bytes(forged), peerToken(alpha, "beta"), 403, "bad-signature");
        assertThat(head(alpha)).isEqualTo(before);
    }

    @Test
    void aNewKeyForARegisteredPeerIsTakenOnlyAsARotationAndIsRecorded() throws Exception {
        // given a peer gamma registered with one key
        String first = Base64.getEncoder()
                .encodeToString(KeyPairGenerator.getInstance("Ed25519")
                        .generateKeyPair()
                        .getPublic()
                        .getEncoded());
        String second = Base64.getEncoder()
                .encodeToString(KeyPairGenerator.getInstance("Ed25519")
                        .generateKeyPair()
                        .getPublic()
                        .getEncoded());
        String operator = token(alpha, "operator", null);
        expect(
                send(
                        alpha,
                        post(
                                alpha.url() + "/api/v1/federation/peers",
                                "{\"peerId\":\"gamma\",\"baseUrl\":\"http://127.0.0.1:9\",\"publicKey\":\"%s\"}"
                                        .formatted(first)),
                        operator),
                201);
        String keyOf = "{\"baseUrl\":\"http://127.0.0.1:9\",\"publicKey\":\"%s\"%s}";

        // when another key is put without, then with, "rotate"
        Response refused =
                send(alpha, put(alpha.url() + "/api/v1/federation/peers/gamma", keyOf.formatted(second, "")), operator);
        Response rotated = send(
                alpha,
                put(alpha.url() + "/api/v1/federation/peers/gamma", keyOf.formatted(second, ",\"rotate\":true")),
                operator);

        // then the first is refused, the second taken, recorded with who asked, and logged
        assertThat(refused.status()).as("%s", refused.body()).isEqualTo(409);
        assertThat(refused.body().get("code").asText()).isEqualTo("key-change-refused");
        assertThat(rotated.status()).as("%s", rotated.body()).isEqualTo(200);
        JsonNode rotations =
                get(alpha, "/api/v1/federation/peers/gamma/rotations").body();
        assertThat(rotations).hasSize(1);
        assertThat(rotations.get(0).get("newKeyId").asText())
                .isEqualTo(rotated.body().get("keyId").asText());
        assertThat(rotations.get(0).get("rotatedBy").asText()).startsWith("operator ");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> Files.readString(alpha.log()).contains("the key of peer 'gamma' was rotated"));
        expect(send(alpha, delete(alpha.url() + "/api/v1/federation/peers/gamma"), operator), 204);
    }

    /** Posts the bytes with a credential and checks the problem, and that the receiver stored no event meanwhile. */
    private void refused(Server receiver, String path, byte[] body, String credential, int status, String code)
            throws Exception {
        long before = head(receiver);
        Response response = post(receiver, path, body, credential);
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

    private static String peerJson(Server server, JsonNode identity, String credential) {
        return "{\"peerId\":\"%s\",\"baseUrl\":\"%s\",\"publicKey\":\"%s\",\"credential\":\"%s\"}"
                .formatted(
                        identity.get("peerId").asText(),
                        server.url(),
                        identity.get("publicKey").asText(),
                        credential);
    }

    private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    /** A peer token of {@code server} for {@code peer}: what {@code peer} sends to it. Made once. */
    private String peerToken(Server server, String peer) {
        return token(server, "peer", peer);
    }

    /** A token of {@code role} on {@code server} (scoped for agents and peers), made once by its admin. */
    private String token(Server server, String role, String scope) {
        return tokens.computeIfAbsent(server.name() + "/" + role + "/" + scope, key -> {
            try {
                String body = "{\"role\":\"%s\",\"name\":\"it %s\"%s}"
                        .formatted(
                                role,
                                role,
                                role.equals("agent") || role.equals("peer") ? ",\"scope\":\"" + scope + "\"" : "");
                Response created = expect(post(server, "/api/v1/tokens", body), 201);
                return created.body().get("token").asText();
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        });
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
        return new Server(name, port, data, log, process, new String[1]);
    }

    private void awaitUp(Server server) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
        while (System.nanoTime() < deadline) {
            if (!server.process().isAlive()) {
                throw new AssertionError(server.name() + " exited:\n" + Files.readString(server.log()));
            }
            try {
                if (send(server, HttpRequest.newBuilder(URI.create(server.url() + "/actuator/health")), null)
                                        .status()
                                == 200
                        && shownToken(server) != null) {
                    server.admin()[0] = shownToken(server);
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

    /** The admin token the server printed at its first start (its console is the log), or null before it has. */
    private static String shownToken(Server server) throws IOException {
        for (String line : Files.readAllLines(server.log())) {
            Matcher shown = SHOWN_TOKEN.matcher(line);
            if (shown.matches()) {
                return shown.group(1);
            }
        }
        return null;
    }

    /** GET as the server's admin. */
    private Response get(Server server, String path) throws IOException, InterruptedException {
        return send(
                server, HttpRequest.newBuilder(URI.create(server.url() + path)).GET(), server.adminToken());
    }

    /** POST as the server's admin. */
    private Response post(Server server, String path, String body) throws IOException, InterruptedException {
        return post(server, path, body.getBytes(StandardCharsets.UTF_8), server.adminToken());
    }

    private Response post(Server server, String path, byte[] body, String credential)
            throws IOException, InterruptedException {
        return send(
                server,
                HttpRequest.newBuilder(URI.create(server.url() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                credential);
    }

    private static HttpRequest.Builder post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpRequest.Builder put(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpRequest.Builder delete(String url) {
        return HttpRequest.newBuilder(URI.create(url)).DELETE();
    }

    /** Sends with {@code credential} as bearer token, or without one when it is null. */
    private Response send(Server server, HttpRequest.Builder request, String credential)
            throws IOException, InterruptedException {
        if (credential != null) {
            request.header("Authorization", "Bearer " + credential);
        }
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
