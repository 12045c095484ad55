package io.qswarm.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.qswarm.app.QSwarmCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code ./qswarm federate} against a stub server: the requests it sends, what it prints, how it reports refusals. */
class FederateCommandTest {

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> requests = new ArrayList<>();
    private final List<JsonNode> bodies = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private HttpServer server;
    private int status = 200;
    private String answer = "{}";
    private String contentType = "application/json";

    @BeforeEach
    void stubServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
        bodies.add(body.length == 0 ? null : json.readTree(body));
        byte[] reply = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, reply.length);
        exchange.getResponseBody().write(reply);
        exchange.close();
    }

    private int run(String... args) {
        var cli = QSwarmCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        var all = new ArrayList<String>(List.of(
                "federate",
                "--server",
                "http://127.0.0.1:" + server.getAddress().getPort()));
        all.addAll(List.of(args));
        return cli.execute(all.toArray(String[]::new));
    }

    @Test
    void formSendsTheSwarmAsTheApiReadsIt() {
        // when
        int exit = run(
                "form",
                "--swarm",
                "s1",
                "--member",
                "a-1",
                "--member",
                "B-1",
                "--remote",
                "B-1=beta",
                "--topology",
                "hub:a-1",
                "--strategy",
                "trimmed-mean:0.2",
                "--table-merge",
                "learning-rate",
                "--quorum",
                "60%",
                "--timeout",
                "45s",
                "--sync",
                "interval:5m");

        // then
        assertThat(exit).as("%s", err).isZero();
        assertThat(requests).containsExactly("POST /api/v1/swarms");
        JsonNode body = bodies.get(0);
        assertThat(body.get("swarmId").asText()).isEqualTo("s1");
        assertThat(body.get("members").toString()).isEqualTo("[\"a-1\",\"B-1\"]");
        assertThat(body.get("remote").toString()).isEqualTo("{\"B-1\":\"beta\"}");
        assertThat(body.get("topology").toString()).isEqualTo("{\"kind\":\"HUB\",\"hub\":\"a-1\"}");
        assertThat(body.get("aggregation").toString())
                .isEqualTo("{\"strategy\":\"TRIMMED_MEAN\",\"trim\":0.2,\"tableMerge\":\"LEARNING_RATE\"}");
        assertThat(body.get("quorum").get("fraction").asDouble()).isEqualTo(0.6);
        assertThat(body.get("roundTimeout").asText()).isEqualTo("PT45S");
        assertThat(body.get("syncPeriod").toString()).isEqualTo("{\"unit\":\"INTERVAL\",\"interval\":\"PT5M\"}");
        assertThat(out.toString()).contains("formed swarm s1 of 2 members (1 remote)");
    }

    @Test
    void startRoundPrintsTheRoundId() {
        answer = "{\"id\":\"s1:4\",\"location\":\"/api/v1/swarms/s1/rounds/s1:4\"}";
        assertThat(run("start-round", "--swarm", "s1", "--seed", "9", "--full-sync"))
                .isZero();
        assertThat(requests).containsExactly("POST /api/v1/swarms/s1/rounds");
        assertThat(bodies.get(0).toString()).isEqualTo("{\"seed\":9,\"fullSync\":true}");
        assertThat(out.toString()).contains("started round s1:4");
    }

    @Test
    void peersAreAddedListedAndRemoved() {
        answer = "{\"keyId\":\"ed25519:0011223344556677\"}";
        assertThat(run("peers", "add", "--id", "beta", "--url", "http://127.0.0.1:8081", "--key", "KEY"))
                .isZero();
        answer = "[{\"peer\":{\"id\":\"beta\",\"baseUrl\":\"http://127.0.0.1:8081\"},\"keyId\":\"ed25519:00\","
                + "\"tables\":[\"b-1\"]}]";
        assertThat(run("peers", "list")).isZero();
        status = 204;
        answer = "";
        assertThat(run("peers", "remove", "beta")).isZero();

        assertThat(requests)
                .containsExactly(
                        "POST /api/v1/federation/peers",
                        "GET /api/v1/federation/peers",
                        "DELETE /api/v1/federation/peers/beta");
        assertThat(bodies.get(0).toString())
                .isEqualTo("{\"peerId\":\"beta\",\"baseUrl\":\"http://127.0.0.1:8081\",\"publicKey\":\"KEY\"}");
        assertThat(out.toString())
                .contains("registered peer beta", "beta  http://127.0.0.1:8081  ed25519:00  tables [\"b-1\"]");
    }

    @Test
    void statusShowsTheSwarmAndItsRoundsWithOutcome() {
        answer = "{\"swarmId\":\"s1\",\"members\":[\"a\",\"b\"],\"remoteMembers\":{},\"topology\":{\"kind\":\"RING\"},"
                + "\"aggregation\":{\"strategy\":\"MEDIAN\"},\"roundTimeout\":\"PT30S\",\"roundsStarted\":1,"
                + "\"openRound\":null}";
        HttpServer rounds = server;
        rounds.removeContext("/");
        rounds.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().endsWith("/rounds")) {
                answer = "[{\"roundId\":\"s1:1\",\"status\":\"FAILED\",\"contributions\":1,"
                        + "\"requiredContributions\":2,\"outcome\":{\"merged\":[],\"stragglers\":[\"b\"]},"
                        + "\"reason\":\"quorum not reached\"}]";
            }
            answer(exchange);
        });

        assertThat(run("status", "--swarm", "s1")).as("%s", err).isZero();

        assertThat(out.toString())
                .contains("swarm s1: 2 members", "topology RING, strategy MEDIAN", "rounds started 1, open none")
                .contains("s1:1  FAILED  contributions 1/2", "stragglers [\"b\"]", "(quorum not reached)");
    }

    @Test
    void aRefusalIsPrintedAsOneLineWithItsCodeAndExitsWithOne() {
        // given
        status = 409;
        contentType = "application/problem+json";
        answer = "{\"type\":\"urn:qswarm:problem:round-already-open\",\"status\":409,"
                + "\"detail\":\"round s1:2 is still open\",\"code\":\"round-already-open\"}";

        // then
        assertThat(run("start-round", "--swarm", "s1")).isEqualTo(1);
        assertThat(err.toString().strip())
                .isEqualTo("qswarm start-round: round s1:2 is still open (round-already-open)");
    }

    @Test
    void noServerIsReportedWithWhatToDo() throws IOException {
        int free;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = socket.getLocalPort();
        }
        var cli = QSwarmCli.commandLine();
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute("federate", "--server", "http://127.0.0.1:" + free, "list"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("no QSwarm server answers at http://127.0.0.1:" + free, "./qswarm serve");
    }

    @Test
    void badShortFormsAreRefusedBeforeAnythingIsSent() {
        assertThat(run("form", "--swarm", "s", "--member", "a", "--topology", "star"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("unknown topology 'star'");
        assertThat(requests).isEmpty();
    }

    @Nested
    class Snapshots {

        private static final String LINE = "{\"version\":\"v1.0.1\",\"created_at\":\"2026-12-05T21:00:00Z\","
                + "\"samples\":24,\"dimensions\":{\"states\":6,\"actions\":2,\"entries\":12},\"size\":310,"
                + "\"source_event_position\":37,\"signer_key_id\":\"alpha\",\"sha256\":\"ab12\"}";

        @Test
        void publishSendsTheBumpAndPrintsTheVersion() {
            answer = "{\"bump\":\"patch\",\"line\":" + LINE + "}";

            assertThat(run("snapshot", "publish", "--table", "t 1", "--bump", "patch"))
                    .as("%s", err)
                    .isZero();

            assertThat(requests).containsExactly("POST /api/v1/snapshots/t%201");
            assertThat(bodies.get(0).toString()).isEqualTo("{\"bump\":\"patch\"}");
            assertThat(out.toString())
                    .contains("published v1.0.1 of t 1 (patch)")
                    .contains("v1.0.1  2026-12-05T21:00:00Z  samples 24  entries 12  310 B  event 37  signer alpha")
                    .contains("sha256 ab12");
        }

        @Test
        void listPrintsOneLinePerVersion() {
            answer = "[" + LINE + "," + LINE.replace("v1.0.1", "v1.1.0") + "]";

            assertThat(run("snapshot", "list", "--table", "t1")).isZero();

            assertThat(requests).containsExactly("GET /api/v1/snapshots/t1");
            assertThat(out.toString().lines()).hasSize(2).last().asString().startsWith("v1.1.0  ");
        }

        @Test
        void fetchPrintsTheTrustedVersionTheRejectionsAndTheMerge() {
            answer = "{\"peer\":\"alpha\",\"table\":\"t1\",\"major\":1,\"trusted\":" + LINE + ","
                    + "\"changed\":true,\"downloaded\":[\"v1.0.1\",\"v1.0.2\"],"
                    + "\"rejected\":[{\"version\":\"v1.0.2\",\"reason\":\"HASH_MISMATCH\",\"detail\":\"bad hash\"}],"
                    + "\"ignored\":[\"v2.0.0\"],\"applied\":{\"into\":\"alpha.t1\",\"version\":\"v1.0.1\","
                    + "\"created\":true,\"merged\":true,\"counts\":{\"added\":12,\"updated\":0,\"unchanged\":0,"
                    + "\"rejected\":0}}}";

            assertThat(run("snapshot", "fetch", "--peer", "alpha", "--table", "t1", "--major", "1", "--apply"))
                    .as("%s", err)
                    .isZero();

            assertThat(requests).containsExactly("POST /api/v1/snapshots/fetch");
            assertThat(bodies.get(0).toString())
                    .isEqualTo("{\"peer\":\"alpha\",\"table\":\"t1\",\"major\":1,\"apply\":true}");
            assertThat(out.toString())
                    .contains("fetched t1 from alpha (major 1, 2 downloaded): trusted v1.0.1 (new)")
                    .contains("rejected v1.0.2: HASH_MISMATCH - bad hash")
                    .contains("ignored (other majors) [\"v2.0.0\"]")
                    .contains("applied v1.0.1 to alpha.t1 (created): added 12, updated 0, unchanged 0, rejected 0");
        }

        @Test
        void aFetchThatTrustsNothingExitsWithOne() {
            answer = "{\"major\":1,\"trusted\":null,\"changed\":false,\"downloaded\":[],"
                    + "\"rejected\":[{\"version\":\"v1.0.0\",\"reason\":\"BAD_SIGNATURE\",\"detail\":\"forged\"}],"
                    + "\"ignored\":[],\"applied\":null}";

            assertThat(run("snapshot", "fetch", "--peer", "alpha", "--table", "t1", "--into", "mine"))
                    .isEqualTo(1);

            assertThat(bodies.get(0).get("into").asText()).isEqualTo("mine");
            assertThat(out.toString())
                    .contains("no version passes every check")
                    .contains("rejected v1.0.0: BAD_SIGNATURE - forged")
                    .doesNotContain("applied");
        }
    }

    @Nested
    class ShortForms {

        @Test
        void topologies() {
            assertThat(FederateSpecs.topology("full-mesh")).isEqualTo(Map.of("kind", "FULL_MESH"));
            assertThat(FederateSpecs.topology("ring")).isEqualTo(Map.of("kind", "RING"));
            assertThat(FederateSpecs.topology("gossip:3")).isEqualTo(Map.of("kind", "GOSSIP", "peers", 3));
            assertThatThrownBy(() -> FederateSpecs.topology("hub")).hasMessageContaining("hub:TABLE");
        }

        @Test
        void strategies() {
            assertThat(FederateSpecs.aggregation("median")).isEqualTo(Map.of("strategy", "MEDIAN"));
            assertThat(FederateSpecs.tableMerge("learning-rate")).isEqualTo("LEARNING_RATE");
            assertThat(FederateSpecs.tableMerge("mean")).isEqualTo("VISIT_WEIGHTED_MEAN");
            assertThatThrownBy(() -> FederateSpecs.tableMerge("fast")).hasMessageContaining("mean or learning-rate");
            assertThat(FederateSpecs.aggregation("krum:1")).isEqualTo(Map.of("strategy", "KRUM", "byzantine", 1));
            assertThat(FederateSpecs.aggregation("multi-krum:1,3"))
                    .isEqualTo(Map.of("strategy", "MULTI_KRUM", "byzantine", 1, "selected", 3));
            assertThatThrownBy(() -> FederateSpecs.aggregation("trimmed-mean:NaN"))
                    .hasMessageContaining("finite");
            assertThatThrownBy(() -> FederateSpecs.aggregation("multi-krum:1")).hasMessageContaining("multi-krum:1,3");
        }

        @Test
        void quorumsDurationsAndSyncPeriods() {
            assertThat(FederateSpecs.quorum("3")).isEqualTo(Map.of("minimum", 3));
            assertThat(FederateSpecs.quorum("50%")).isEqualTo(Map.of("fraction", 0.5));
            assertThat(FederateSpecs.duration("500ms")).isEqualTo(Duration.ofMillis(500));
            assertThat(FederateSpecs.duration("2h")).isEqualTo(Duration.ofHours(2));
            assertThat(FederateSpecs.duration("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
            assertThat(FederateSpecs.sync("updates:500")).isEqualTo(Map.of("unit", "UPDATES", "every", 500L));
            assertThatThrownBy(() -> FederateSpecs.duration("soon")).hasMessageContaining("30s");
            assertThatThrownBy(() -> FederateSpecs.sync("weekly")).hasMessageContaining("episodes:N");
        }
    }
}
