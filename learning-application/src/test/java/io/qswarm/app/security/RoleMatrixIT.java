package io.qswarm.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ActiveProfiles;

/**
 * The role matrix over EVERY operation of the OpenAPI document ({@code /v3/api-docs}): anonymous → 401, every role the
 * operation's row of {@link AccessRules} does not admit → 403, every role it admits → neither 401 nor 403 (an agent
 * within its scope: its own table; and another agent → 403 where the row checks ownership). 401 and 403 are RFC 9457
 * problems. Generated from the document, so an endpoint added without a row fails here (and is closed to all but
 * admin at run time).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixIT {

    private static final String AGENT = "matrix-agent";
    private static final String TABLE = "matrix-table";
    private static final String PEER = "matrix-peer";
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

    @LocalServerPort
    int port;

    @Autowired
    ItCredentials credentials;

    @Autowired
    ObjectMapper json;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, String contentType, String body) {}

    @BeforeAll
    void aTableOfTheMatrixAgent() throws Exception {
        Answer created = send(
                "POST",
                "/api/v1/tables",
                credentials.admin(),
                "{\"tableId\":\"" + TABLE + "\",\"agentId\":\"" + AGENT + "\",\"actions\":[{\"name\":\"a\"}]}");
        assertThat(created.status()).as(created.body()).isIn(201, 409);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> send("GET", "/api/v1/tables/" + TABLE, credentials.admin(), null)
                                .status()
                        == 200);
    }

    @TestFactory
    Stream<DynamicTest> everyOperationOfTheApiDocumentHasItsRule() throws Exception {
        Answer document = send("GET", "/v3/api-docs", null, null);
        assertThat(document.status()).as("the API document is open").isEqualTo(200);
        JsonNode paths = json.readTree(document.body()).get("paths");
        var tests = new ArrayList<DynamicTest>();
        for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> path = p.next();
            for (Iterator<String> m = path.getValue().fieldNames(); m.hasNext(); ) {
                String method = m.next().toUpperCase();
                if (List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    tests.add(
                            DynamicTest.dynamicTest(method + " " + path.getKey(), () -> check(method, path.getKey())));
                }
            }
        }
        assertThat(tests).as("operations in the document").hasSizeGreaterThan(50);
        return tests.stream();
    }

    private void check(String method, String template) throws Exception {
        Optional<AccessRules.Rule> found = AccessRules.ruleFor(HttpMethod.valueOf(method), template);
        assertThat(found)
                .as("%s %s has no row in AccessRules: add one (until then only admin may call it)", method, template)
                .isPresent();
        AccessRules.Rule rule = found.get();
        String path = concrete(template, TABLE);
        String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";

        Answer anonymous = send(method, path, null, body);
        if (rule.open()) {
            assertThat(anonymous.status())
                    .as("anonymous %s %s: %s", method, path, anonymous)
                    .isNotEqualTo(401);
            return;
        }
        problem(anonymous, 401, "unauthorized", "anonymous " + method + " " + path);

        for (Role role : Role.values()) {
            String token = credentials.token(role, role == Role.AGENT ? AGENT : role == Role.PEER ? PEER : null);
            Answer answer = send(method, path, token, body);
            String who = role.label() + " " + method + " " + path;
            if (rule.admits(role)) {
                assertThat(answer.status()).as("%s: %s", who, answer).isNotIn(401, 403);
            } else {
                problem(answer, 403, "forbidden", who);
            }
        }

        if (rule.agents() == AccessRules.AgentScope.OWN_TABLE) {
            Answer foreign = send(method, path, credentials.token(Role.AGENT, "another-agent"), body);
            problem(foreign, 403, "forbidden", "another agent " + method + " " + path);
        }
    }

    /** The path with a value for every variable: the matrix table for tables, names that exist nowhere else. */
    private static String concrete(String template, String table) {
        Matcher variable = VARIABLE.matcher(template);
        var path = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1);
            String value =
                    switch (name) {
                        case "tableId", "table", "id" -> table;
                        case "version" -> "v1.0.0";
                        default -> "matrix-" + name.toLowerCase();
                    };
            variable.appendReplacement(path, value);
        }
        variable.appendTail(path);
        return path.toString();
    }

    private void problem(Answer answer, int status, String code, String what) throws IOException {
        assertThat(answer.status()).as("%s: %s", what, answer).isEqualTo(status);
        assertThat(answer.contentType()).as(what).startsWith("application/problem+json");
        JsonNode problem = json.readTree(answer.body());
        assertThat(problem.get("type").asText()).isEqualTo("urn:qswarm:problem:" + code);
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("detail").asText()).isNotBlank().doesNotContain("java.", "Exception");
    }

    /** One request; the answer's status and body (of a stream, nothing: it is not read to its end). */
    private Answer send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(
                ItCredentials.request(method, "http://127.0.0.1:" + port + path, body, token)
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            String text = contentType.startsWith("text/event-stream")
                    ? ""
                    : new String(in.readNBytes(8 << 20), StandardCharsets.UTF_8);
            return new Answer(response.statusCode(), contentType, text);
        }
    }
}
