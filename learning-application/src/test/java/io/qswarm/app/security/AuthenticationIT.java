package io.qswarm.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Authentication end to end over real HTTP: tokens made, used and revoked; browser sessions with their cookie and
 * CSRF token, and one-time login links; an agent confined to its own tables (by the table itself for writes, so a
 * brand-new table takes records at once); the actuator's open health and guarded metrics; what is stored of a token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("it")
class AuthenticationIT {

    @LocalServerPort
    int port;

    @Autowired
    ItCredentials credentials;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, Map<String, List<String>> headers, JsonNode body) {

        Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .flatMap(entry -> entry.getValue().stream())
                    .findFirst();
        }

        List<String> cookies() {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase("set-cookie"))
                    .flatMap(entry -> entry.getValue().stream())
                    .toList();
        }
    }

    @Nested
    class Tokens {

        @Test
        void aTokenMadeByAnAdminWorksUntilItIsRevokedAndOnlyItsHashIsStored() throws Exception {
            // given an operator token made over REST
            Answer created = send(
                    "POST",
                    "/api/v1/tokens",
                    bearer(credentials.admin()),
                    """
                    {"role":"operator","name":"ci"}""");
            assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
            String token = created.body().get("token").asText();
            String id = created.body().get("id").asText();
            assertThat(token).startsWith("qsw_" + id + "_").hasSize(4 + 12 + 1 + 43);
            assertThat(created.body().get("role").asText()).isEqualTo("operator");

            // then it works, the store keeps its SHA-256 and never the secret, and listings never show it
            assertThat(send("GET", "/api/v1/projections", bearer(token), null).status())
                    .isEqualTo(200);
            Map<String, Object> row = jdbc.queryForMap("SELECT * FROM api_token WHERE token_id = ?", id);
            String secret = token.substring("qsw_".length() + 12 + 1);
            assertThat(row.values().toString()).doesNotContain(secret);
            assertThat(row.get("SECRET_SHA256")).isEqualTo(Credential.sha256(secret));
            Answer listed = send("GET", "/api/v1/tokens", bearer(credentials.admin()), null);
            assertThat(listed.body().toString()).contains(id).doesNotContain(secret);

            // when it is revoked, then it is refused at once (on this node) with a problem
            Answer revoked = send("DELETE", "/api/v1/tokens/" + id, bearer(credentials.admin()), null);
            assertThat(revoked.status()).isEqualTo(200);
            assertThat(revoked.body().get("active").asBoolean()).isFalse();
            Answer refused = send("GET", "/api/v1/projections", bearer(token), null);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body().get("detail").asText()).contains("revoked");
            assertThat(refused.header("WWW-Authenticate")).contains("Bearer realm=\"qswarm\", error=\"invalid_token\"");
        }

        @Test
        void aTamperedUnknownOrMalformedCredentialIsRefusedWith401() throws Exception {
            String admin = credentials.admin();
            String tampered = admin.substring(0, admin.length() - 1) + (admin.endsWith("A") ? "B" : "A");
            for (String header : List.of(
                    "Bearer " + tampered,
                    "Bearer qsw_aaaaaaaaaaaa_" + "A".repeat(43),
                    "Bearer nonsense",
                    "Basic YWRtaW46YWRtaW4=",
                    "Bearer ")) {
                Answer answer = send("GET", "/api/v1/tables", Map.of("Authorization", header), null);
                assertThat(answer.status()).as(header).isEqualTo(401);
                assertThat(answer.header("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(answer.body().get("type").asText()).isEqualTo("urn:qswarm:problem:unauthorized");
            }
            assertThat(send("GET", "/api/v1/tables", Map.of("Authorization", "Basic YWRtaW46YWRtaW4="), null)
                            .body()
                            .get("detail")
                            .asText())
                    .contains("Bearer");
        }

        @Test
        void onlyAnAdminManagesTokensAndAScopedRoleNeedsItsScope() throws Exception {
            Answer operator = send(
                    "POST",
                    "/api/v1/tokens",
                    bearer(credentials.token(Role.OPERATOR)),
                    """
                    {"role":"admin","name":"escalation"}""");
            assertThat(operator.status()).isEqualTo(403);
            assertThat(operator.body().get("detail").asText()).contains("needs admin");

            Answer unscoped = send(
                    "POST",
                    "/api/v1/tokens",
                    bearer(credentials.admin()),
                    """
                    {"role":"agent","name":"no scope"}""");
            assertThat(unscoped.status()).isEqualTo(400);
            assertThat(unscoped.body().get("detail").asText()).contains("agent id");

            Answer unknownRole = send(
                    "POST",
                    "/api/v1/tokens",
                    bearer(credentials.admin()),
                    """
                    {"role":"root","name":"x"}""");
            assertThat(unknownRole.status()).isEqualTo(400);
            assertThat(unknownRole.body().get("detail").asText()).contains("admin, operator, auditor");
        }
    }

    @Nested
    class Sessions {

        @Test
        void aSessionCookieReadsAndWritesWithItsCsrfTokenAndEndsAtLogout() throws Exception {
            // given a session made from an operator token
            Answer started = send("POST", "/api/v1/session", bearer(credentials.token(Role.OPERATOR)), null);
            assertThat(started.status()).as("%s", started.body()).isEqualTo(200);
            String session = cookie(started, CredentialAuthentication.SESSION_COOKIE);
            String csrf = cookie(started, "XSRF-TOKEN");
            assertThat(started.cookies()).anySatisfy(c -> assertThat(c)
                    .startsWith(CredentialAuthentication.SESSION_COOKIE + "=")
                    .contains("HttpOnly", "SameSite=Strict", "Path=/")
                    .doesNotContain("Secure"));
            assertThat(started.body().get("csrfToken").asText()).isEqualTo(csrf);
            assertThat(started.body().get("role").asText()).isEqualTo("operator");
            Map<String, String> withCookie =
                    Map.of("Cookie", CredentialAuthentication.SESSION_COOKIE + "=" + session + "; XSRF-TOKEN=" + csrf);

            // then the cookie alone reads
            assertThat(send("GET", "/api/v1/session", withCookie, null)
                            .body()
                            .get("via")
                            .asText())
                    .isEqualTo("session");
            // and a write with the cookie but without the CSRF header is refused, with it accepted
            Answer noCsrf = send("POST", "/api/v1/swarms/nothing/rounds", withCookie, "{}");
            assertThat(noCsrf.status()).isEqualTo(403);
            assertThat(noCsrf.body().get("detail").asText()).contains("X-XSRF-TOKEN");
            var withCsrf = new java.util.HashMap<>(withCookie);
            withCsrf.put("X-XSRF-TOKEN", csrf);
            assertThat(send("POST", "/api/v1/swarms/nothing/rounds", withCsrf, "{}")
                            .status())
                    .as("past the CSRF check: the swarm does not exist")
                    .isEqualTo(404);

            // when logging out, then the cookies are cleared and the session no longer works
            Answer out = send("DELETE", "/api/v1/session", withCsrf, null);
            assertThat(out.status()).isEqualTo(204);
            assertThat(out.cookies()).anySatisfy(c -> assertThat(c).contains("Max-Age=0"));
            Answer after = send("GET", "/api/v1/session", withCookie, null);
            assertThat(after.status()).isEqualTo(401);
            assertThat(after.body().get("detail").asText()).contains("session has ended");
        }

        @Test
        void aLoginLinkGivesABrowserASessionOnceAndTheTokenNeverEntersAUrl() throws Exception {
            // given a login link for a viewer token
            String viewer = credentials.token(Role.VIEWER);
            Answer link = send("POST", "/api/v1/session/login-codes", bearer(viewer), null);
            assertThat(link.status()).isEqualTo(200);
            String url = link.body().get("url").asText();
            assertThat(url)
                    .startsWith("http://127.0.0.1:" + port + "/login?code=qsl_")
                    .doesNotContain(viewer);
            String path = url.substring(url.indexOf("/login"));

            // when a browser opens it, then it gets a session and is sent to the pages
            Answer opened = send("GET", path, Map.of(), null);
            assertThat(opened.status()).isEqualTo(303);
            assertThat(opened.header("Location")).contains("/swagger-ui.html");
            String session = cookie(opened, CredentialAuthentication.SESSION_COOKIE);
            Answer whoami = send(
                    "GET",
                    "/api/v1/session",
                    Map.of("Cookie", CredentialAuthentication.SESSION_COOKIE + "=" + session),
                    null);
            assertThat(whoami.body().get("role").asText()).isEqualTo("viewer");

            // and the link works once only
            Answer again = send("GET", path, Map.of(), null);
            assertThat(again.status()).isEqualTo(401);
            assertThat(again.body().get("detail").asText()).contains("already used");
        }

        @Test
        void aServerSentEventStreamFlowsOnTheSessionCookieAlone() throws Exception {
            // given a table with one experience, and a session cookie (what a browser's EventSource sends)
            String operator = credentials.token(Role.OPERATOR);
            assertThat(send(
                                    "POST",
                                    "/api/v1/tables",
                                    bearer(operator),
                                    """
                            {"tableId":"sse-cookie","agentId":"a-sse","actions":[{"name":"left"}]}""")
                            .status())
                    .isIn(201, 409);
            send(
                    "POST",
                    "/api/v1/tables/sse-cookie/experiences",
                    bearer(operator),
                    """
                    {"idempotencyKey":"e1","experiences":[{"state":"s0","action":"left","reward":1.0,"terminal":true}]}""");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> send("GET", "/api/v1/tables/sse-cookie", bearer(operator), null)
                                    .status()
                            == 200);
            String session = cookie(
                    send("POST", "/api/v1/session", bearer(credentials.token(Role.VIEWER)), null),
                    CredentialAuthentication.SESSION_COOKIE);

            // when the stream is opened with the cookie, then the first event arrives (an async dispatch passes)
            HttpResponse<InputStream> stream = http.send(
                    HttpRequest.newBuilder(URI.create(base() + "/api/v1/tables/sse-cookie/confidence/stream"))
                            .header("Accept", "text/event-stream")
                            .header("Cookie", CredentialAuthentication.SESSION_COOKIE + "=" + session)
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (var lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                assertThat(stream.statusCode()).isEqualTo(200);
                CompletableFuture<String> data = CompletableFuture.supplyAsync(() -> lines.lines()
                        .filter(line -> line.startsWith("data:"))
                        .findFirst()
                        .orElse(""));
                assertThat(data.get(10, TimeUnit.SECONDS)).contains("visitedEntries");
            }
        }
    }

    @Nested
    class Agents {

        @Test
        void anAgentCreatesAndRecordsIntoItsOwnNewTableAtOnceAndReadsIt() throws Exception {
            Map<String, String> agent = bearer(credentials.token(Role.AGENT, "agent-own"));
            Answer created = send(
                    "POST",
                    "/api/v1/tables",
                    agent,
                    """
                    {"tableId":"own-table","agentId":"agent-own","actions":[{"name":"left"}]}""");
            assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
            // at once, before any read model knows the table: the table itself knows its owner
            Answer recorded = send(
                    "POST",
                    "/api/v1/tables/own-table/experiences",
                    agent,
                    """
                    {"idempotencyKey":"e1","experiences":[{"state":"s0","action":"left","reward":1.0,"terminal":true}]}""");
            assertThat(recorded.status()).as("%s", recorded.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20))
                    .until(() ->
                            send("GET", "/api/v1/tables/own-table", agent, null).status() == 200);
            assertThat(send("GET", "/api/v1/tables/own-table/policy", agent, null)
                            .status())
                    .isEqualTo(200);
        }

        @Test
        void anAgentIsRefusedOtherAgentsTablesAndNothingIsStored() throws Exception {
            // given a table of agent-b
            Map<String, String> agentB = bearer(credentials.token(Role.AGENT, "agent-b"));
            assertThat(send(
                                    "POST",
                                    "/api/v1/tables",
                                    agentB,
                                    """
                            {"tableId":"b-table","agentId":"agent-b","actions":[{"name":"left"}]}""")
                            .status())
                    .isEqualTo(201);
            await().atMost(Duration.ofSeconds(20))
                    .until(() ->
                            send("GET", "/api/v1/tables/b-table", agentB, null).status() == 200);
            long events = events("b-table");

            // when agent-a records into it, creates a table for agent-b, or reads b's table
            Map<String, String> agentA = bearer(credentials.token(Role.AGENT, "agent-a"));
            Answer record = send(
                    "POST",
                    "/api/v1/tables/b-table/experiences",
                    agentA,
                    """
                    {"idempotencyKey":"e1","experiences":[{"state":"s0","action":"left","reward":-99.0,"terminal":true}]}""");
            Answer create = send(
                    "POST",
                    "/api/v1/tables",
                    agentA,
                    """
                    {"tableId":"planted","agentId":"agent-b","actions":[{"name":"left"}]}""");
            Answer read = send("GET", "/api/v1/tables/b-table/entries", agentA, null);
            Answer list = send("GET", "/api/v1/tables", agentA, null);

            // then each is a 403 problem and nothing was stored
            for (Answer refused : List.of(record, create, read, list)) {
                assertThat(refused.status()).as("%s", refused.body()).isEqualTo(403);
                assertThat(refused.body().get("type").asText()).isEqualTo("urn:qswarm:problem:forbidden");
            }
            assertThat(record.body().get("detail").asText())
                    .contains("belongs to agent 'agent-b'", "agent 'agent-a' may only record into its own tables");
            assertThat(create.body().get("detail").asText()).contains("may only create its own tables");
            assertThat(events("b-table")).isEqualTo(events);
            assertThat(events("planted")).isZero();
        }
    }

    @Nested
    class Operations {

        @Test
        void healthIsOpenAndMetricsNeedAReadingRole() throws Exception {
            assertThat(send("GET", "/actuator/health", Map.of(), null).status()).isEqualTo(200);
            assertThat(send("GET", "/actuator/health/liveness", Map.of(), null).status())
                    .isEqualTo(200);
            assertThat(send("GET", "/actuator/health/readiness", Map.of(), null).status())
                    .isEqualTo(200);
            for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/info")) {
                assertThat(send("GET", path, Map.of(), null).status()).as(path).isEqualTo(401);
                assertThat(send("GET", path, bearer(credentials.token(Role.AGENT, "agent-m")), null)
                                .status())
                        .as(path)
                        .isEqualTo(403);
                assertThat(send("GET", path, bearer(credentials.token(Role.VIEWER)), null)
                                .status())
                        .as(path)
                        .isEqualTo(200);
            }
            assertThat(send("GET", "/actuator/env", bearer(credentials.token(Role.OPERATOR)), null)
                            .status())
                    .as("actuator endpoints without a row are for admins (and not exposed)")
                    .isIn(403);
        }

        @Test
        void aRequestTheFirewallRefusesIsAProblemToo() throws Exception {
            Answer rejected = send("GET", "/api/v1/tables;jsessionid=x", bearer(credentials.admin()), null);
            assertThat(rejected.status()).isEqualTo(400);
            assertThat(rejected.body().get("type").asText()).isEqualTo("urn:qswarm:problem:rejected-request");
        }

        @Test
        void anEndpointWithoutARowIsForAdminsOnly() throws Exception {
            Answer viewer = send("GET", "/api/v1/no-such-thing", bearer(credentials.token(Role.VIEWER)), null);
            assertThat(viewer.status()).isEqualTo(403);
            assertThat(viewer.body().get("detail").asText()).contains("needs admin");
            assertThat(send("GET", "/api/v1/no-such-thing", Map.of(), null).status())
                    .isEqualTo(401);
        }
    }

    private long events(String table) {
        Long count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, table);
        return count == null ? 0 : count;
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static String cookie(Answer answer, String name) {
        return answer.cookies().stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name + " in " + answer.cookies()));
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private Answer send(String method, String path, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = ItCredentials.request(method, base() + path, body, null);
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String text = response.body();
        return new Answer(
                response.statusCode(),
                response.headers().map(),
                text == null || text.isBlank() || !text.startsWith("{") && !text.startsWith("[")
                        ? json.nullNode()
                        : json.readTree(text));
    }
}
