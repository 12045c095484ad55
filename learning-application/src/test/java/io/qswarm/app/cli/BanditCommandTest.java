package io.qswarm.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.qswarm.app.QSwarmCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./qswarm bandit} against a stub server: the requests it sends, what it prints, how it reports refusals. */
class BanditCommandTest {

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> requests = new ArrayList<>();
    private final List<String> bodies = new ArrayList<>();
    private final List<String> contentTypes = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private HttpServer server;
    private int status = 200;
    private String answer = "{}";

    @TempDir
    Path dir;

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
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
        bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
        byte[] reply = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .add("Content-Type", status < 400 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, reply.length);
        exchange.getResponseBody().write(reply);
        exchange.close();
    }

    private int run(String... args) {
        var cli = QSwarmCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        var all = new ArrayList<String>(List.of(
                "bandit", "--server", "http://127.0.0.1:" + server.getAddress().getPort()));
        all.addAll(List.of(args));
        return cli.execute(all.toArray(String[]::new));
    }

    @Test
    void createSendsThePolicyAsTheApiReadsIt() throws IOException {
        answer = "{\"drift\":{\"tripped\":false}}";

        int exit = run(
                "create",
                "--policy",
                "ads-1",
                "--algorithm",
                "lints",
                "--dimension",
                "3",
                "--actions",
                "a,b,c",
                "--scale",
                "0.05",
                "--default-action",
                "c",
                "--max-trace",
                "2.5",
                "--noise-variance",
                "0.01");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(requests).containsExactly("POST /api/v1/bandits");
        assertThat(json.readTree(bodies.get(0)))
                .isEqualTo(
                        json.readTree(
                                """
                        {"policyId":"ads-1","algorithm":"lints","dimension":3,"actions":["a","b","c"],
                         "explorationScale":0.05,"defaultAction":"c",
                         "driftGuard":{"maxCovarianceTrace":2.5,"priorNoiseVariance":0.01}}"""));
        assertThat(out.toString()).contains("created lints policy ads-1 over 3 actions, 3 features");
    }

    @Test
    void decideSendsTheContextAndPrintsTheDecision() throws IOException {
        answer = "{\"decisionId\":\"d-4\",\"action\":\"b\",\"propensity\":0.25,\"modelVersion\":7,\"fallback\":true}";

        int exit = run("decide", "--policy", "ads-1", "--context", "0.5, -1,2");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(requests).containsExactly("POST /api/v1/bandits/ads-1/decisions");
        assertThat(json.readTree(bodies.get(0))).isEqualTo(json.readTree("{\"context\":[0.5,-1.0,2.0]}"));
        assertThat(out.toString())
                .contains(
                        "d-4: b (propensity 0.25, model version 7) by the default policy: the drift guard is tripped");
    }

    @Test
    void aContextThatIsNotANumberIsRefusedBeforeAnyRequest() {
        int exit = run("decide", "--policy", "ads-1", "--context", "0.5,NaN");

        assertThat(exit).isEqualTo(1);
        assertThat(requests).isEmpty();
        assertThat(err.toString()).contains("--context takes finite numbers separated by commas, found 'NaN'");
    }

    @Test
    void observeSendsTheRewardOfTheDecision() throws IOException {
        answer = "{\"decisionId\":\"d-4\",\"reward\":1.5,\"modelVersion\":8,\"guardTripped\":false}";

        int exit = run("observe", "--policy", "ads-1", "--decision", "d-4", "--reward", "1.5");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(requests).containsExactly("POST /api/v1/bandits/ads-1/decisions/d-4/reward");
        assertThat(json.readTree(bodies.get(0))).isEqualTo(json.readTree("{\"reward\":1.5}"));
        assertThat(out.toString()).contains("d-4 rewarded 1.5: model version 8");
    }

    @Test
    void warmStartSendsTheLogAsItIsWithTheTypeOfItsExtension() throws IOException {
        answer = "{\"importId\":\"sha256:ab\",\"duplicate\":false,\"learned\":2,\"modelVersion\":2}";
        Path csv = Files.writeString(dir.resolve("log.csv"), "x0,x1,action,reward,propensity\n1,0,a,1,0.5\n");

        int exit = run("warm-start", "--policy", "ads-1", "--file", csv.toString(), "--origin", "click-log");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(requests).containsExactly("POST /api/v1/bandits/ads-1/warm-start?origin=click-log");
        assertThat(contentTypes).containsExactly("text/csv");
        assertThat(bodies).containsExactly("x0,x1,action,reward,propensity\n1,0,a,1,0.5\n");
        assertThat(out.toString()).contains("learned 2 interactions: model version 2");
    }

    @Test
    void evaluatePrintsEveryEstimate() throws IOException {
        answer =
                """
                {"evaluated":"linucb","modelVersion":9,"samples":40,
                 "inversePropensity":{"value":0.5,"standardError":0.1,"samples":40},"selfNormalized":null,
                 "doublyRobust":{"value":0.55,"standardError":0.02,"samples":40}}""";
        Path log = Files.writeString(dir.resolve("log.jsonl"), "{}\n");

        int exit = run("evaluate", "--policy", "ads-1", "--file", log.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(contentTypes).containsExactly("application/x-ndjson");
        assertThat(out.toString())
                .contains("linucb at model version 9 on 40 logged interactions:")
                .contains("IPS   0.500000 ± 0.100000")
                .contains("SNIPS n/a")
                .contains("DR    0.550000 ± 0.020000");
    }

    @Test
    void aRefusalPrintsTheProblemsDetailAndCode() {
        status = 404;
        answer = "{\"detail\":\"unknown bandit policy 'nobody'\",\"code\":\"unknown-bandit-policy\"}";

        int exit = run("show", "--policy", "nobody");

        assertThat(exit).isEqualTo(1);
        assertThat(requests).containsExactly("GET /api/v1/bandits/nobody");
        assertThat(err.toString()).contains("unknown bandit policy 'nobody' (unknown-bandit-policy)");
    }

    @Test
    void aLogOfAnUnknownFormatIsRefusedBeforeAnyRequest() throws IOException {
        Path txt = Files.writeString(dir.resolve("log.txt"), "x");

        int exit = run("warm-start", "--policy", "ads-1", "--file", txt.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(requests).isEmpty();
        assertThat(err.toString()).contains("unknown log format");
    }
}
