package io.qswarm.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The table API over real HTTP, on a real Axon + H2 stack: command → event → projection → query. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("it")
class TableApiIT {

    private static final String ACTIONS = "[{\"name\":\"left\",\"baseCost\":0},{\"name\":\"right\",\"baseCost\":0.1}]";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    private ResponseEntity<JsonNode> post(String path, String body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> get(String path) {
        return http.getForEntity(path, JsonNode.class);
    }

    private void createTable(String id) {
        var created = post(
                "/api/v1/tables",
                """
                {"tableId":"%s","agentId":"agent-%s","actions":%s,"rule":"q_learning","alpha":0.1,"gamma":0.95,
                 "exploration":{"kind":"EXPONENTIAL","start":1.0,"rate":0.5,"end":0.1}}
                """
                        .formatted(id, id, ACTIONS));
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/tables/" + id);
    }

    private long storedEvents(String id) {
        Long count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, id);
        return count == null ? 0 : count;
    }

    private JsonNode summaryOnce(String id, long updates) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> get("/api/v1/tables/" + id).getStatusCode().is2xxSuccessful()
                        && get("/api/v1/tables/" + id).getBody().get("updates").asLong() >= updates);
        return get("/api/v1/tables/" + id).getBody();
    }

    @Test
    void aRecordedBatchIsStoredProjectedAndServed() {
        // given
        createTable("e2e");

        // when
        var recorded = post(
                "/api/v1/tables/e2e/experiences",
                """
                {"idempotencyKey":"episode-1","experiences":[
                  {"state":"s0","action":"left","reward":1.0,"nextState":"s1"},
                  {"state":"s1","action":"right","reward":2.0,"rewardComponents":{"resolution":2.5,"latency":-0.5},
                   "terminal":true}]}
                """);

        // then the command answered with what it applied
        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(recorded.getBody().get("updates").asInt()).isEqualTo(2);
        assertThat(recorded.getBody().get("epsilon").asDouble()).isEqualTo(0.5);

        // and the read model followed
        JsonNode summary = summaryOnce("e2e", 2);
        assertThat(summary.get("tableId").asText()).isEqualTo("e2e");
        assertThat(summary.get("entries").asLong()).isEqualTo(2);
        assertThat(summary.get("states").asLong()).isEqualTo(2);
        assertThat(summary.get("totalVisits").asLong()).isEqualTo(2);
        assertThat(summary.get("meanConfidence").asDouble()).isEqualTo(0.5);
        assertThat(summary.get("epsilon").asDouble()).isEqualTo(0.5);
        assertThat(summary.get("episodes").asLong()).isEqualTo(1);

        JsonNode entries = get("/api/v1/tables/e2e/entries?state=s1").getBody();
        assertThat(entries.get("total").asLong()).isEqualTo(1);
        JsonNode entry = entries.get("entries").get(0);
        assertThat(entry.get("action").asText()).isEqualTo("right");
        assertThat(entry.get("q").asDouble()).isEqualTo(0.2);
        assertThat(entry.get("visitsByOrigin").get("e2e").asLong()).isEqualTo(1);

        // and a page of one entry leads to the next by its cursor, and the last page has none
        JsonNode first = get("/api/v1/tables/e2e/entries?size=1").getBody();
        assertThat(first.get("entries").get(0).get("state").asText()).isEqualTo("s0");
        JsonNode second = get("/api/v1/tables/e2e/entries?size=1&after="
                        + first.get("next").asText())
                .getBody();
        assertThat(second.get("entries").get(0).get("state").asText()).isEqualTo("s1");
        JsonNode end = get("/api/v1/tables/e2e/entries?size=1&after="
                        + second.get("next").asText())
                .getBody();
        assertThat(end.get("entries")).isEmpty();
        assertThat(end.path("next").isMissingNode() || end.get("next").isNull()).isTrue();
        assertThat(http.getForEntity("/api/v1/tables/e2e/entries?after=bogus", JsonNode.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(400);

        JsonNode export = get("/api/v1/tables/e2e/export").getBody();
        assertThat(export.get("entries")).hasSize(2);
        assertThat(export.get("entries").get(0).get("confidence").asDouble()).isEqualTo(0.5);

        JsonNode listed = get("/api/v1/tables?size=1000").getBody();
        assertThat(listed.get("tables").findValuesAsText("tableId")).contains("e2e");

        JsonNode policy = get("/api/v1/tables/e2e/policy").getBody();
        assertThat(policy.get("actionByState").get("s0").asText()).isEqualTo("left");
        assertThat(policy.get("actionByState").get("s1").asText()).isEqualTo("right");
    }

    @Test
    void aRepeatedIdempotencyKeyIsAcknowledgedButNotAppliedTwice() {
        createTable("idem");
        String batch =
                """
                {"idempotencyKey":"k-1","experiences":[{"state":"s0","action":"left","reward":1.0,"terminal":true}]}
                """;
        post("/api/v1/tables/idem/experiences", batch);
        long events = storedEvents("idem");

        var again = post("/api/v1/tables/idem/experiences", batch);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("duplicate").asBoolean()).isTrue();
        assertThat(storedEvents("idem")).isEqualTo(events);
    }

    @Test
    void mergingAnotherTablesKnowledgeTwiceCountsItOnce() {
        createTable("m-local");
        createTable("m-peer");
        post(
                "/api/v1/tables/m-peer/experiences",
                """
                {"idempotencyKey":"p-1","experiences":[{"state":"s0","action":"right","reward":1.0,"terminal":true},
                  {"state":"s0","action":"right","reward":1.0,"terminal":true}]}
                """);
        summaryOnce("m-peer", 2);

        var first = post("/api/v1/tables/m-local/merges", "{\"fromTable\":\"m-peer\"}");
        var second = post("/api/v1/tables/m-local/merges", "{\"fromTable\":\"m-peer\"}");

        assertThat(first.getBody().get("added").asInt()).isEqualTo(1);
        assertThat(second.getBody().get("unchanged").asInt()).isEqualTo(1);
        assertThat(second.getBody().get("added").asInt()
                        + second.getBody().get("updated").asInt())
                .isZero();
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        get("/api/v1/tables/m-local").getBody().get("merges").asLong() == 2);
        assertThat(get("/api/v1/tables/m-local").getBody().get("totalVisits").asLong())
                .isEqualTo(2);
    }

    @Test
    void peerEntriesAreMergedWithTheVisitWeightedMean() {
        createTable("vw");
        post(
                "/api/v1/tables/vw/merges",
                """
                {"peer":"seed","entries":[{"state":"s0","action":"left","q":0.5,"visits":10}]}
                """);

        var merged = post(
                "/api/v1/tables/vw/merges",
                """
                {"peer":"peer-b","strategy":"visit_weighted_mean",
                 "entries":[{"state":"s0","action":"left","q":0.8,"visits":20},
                            {"state":"s0","action":"jump","q":1.0,"visits":1}]}
                """);

        assertThat(merged.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(merged.getBody().get("updated").asInt()).isEqualTo(1);
        assertThat(merged.getBody().get("rejected").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> get("/api/v1/tables/vw").getBody().get("merges").asLong() == 2);
        JsonNode entry =
                get("/api/v1/tables/vw/entries").getBody().get("entries").get(0);
        assertThat(entry.get("q").asDouble()).isEqualTo(0.7);
        assertThat(entry.get("visits").asLong()).isEqualTo(30);
    }

    @Test
    void healthAndAxonMetricsAreExposed() {
        createTable("metrics");

        assertThat(get("/actuator/health").getBody().get("status").asText()).isEqualTo("UP");
        String prometheus = http.getForObject("/actuator/prometheus", String.class);
        assertThat(prometheus).contains("commandBus_allTimer_seconds_count{payloadType=\"CreateQTable\"}");
    }

    @Test
    void theApiIsDescribedByAnOpenApiDocument() {
        JsonNode document = get("/v3/api-docs").getBody();

        assertThat(document.get("info").get("title").asText()).isEqualTo("QSwarm API");
        assertThat(document.get("paths").has("/api/v1/tables/{tableId}/experiences"))
                .isTrue();
        assertThat(document.get("paths").has("/api/v1/tables/{tableId}/merges")).isTrue();
        assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Nested
    class Refusals {

        private void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String code, String detail) {
            assertThat(response.getStatusCode()).isEqualTo(status);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getBody().get("code").asText()).isEqualTo(code);
            assertThat(response.getBody().get("detail").asText()).contains(detail);
        }

        private ResponseEntity<JsonNode> refusedWithoutTrace(String table, String body) {
            long before = storedEvents(table);
            var response = post("/api/v1/tables/" + table + "/experiences", body);
            assertThat(storedEvents(table)).isEqualTo(before);
            return response;
        }

        @Test
        void malformedJson() {
            createTable("r-json");
            assertProblem(
                    refusedWithoutTrace("r-json", "{\"idempotencyKey\": \"k\", \"experiences\": ["),
                    HttpStatus.BAD_REQUEST,
                    "malformed-json",
                    "malformed JSON");
        }

        @Test
        void unknownFields() {
            createTable("r-field");
            assertProblem(
                    refusedWithoutTrace(
                            "r-field",
                            """
                            {"idempotencyKey":"k","experiences":[{"state":"s0","action":"left","reward":1,
                             "terminal":true,"bonus":3}]}
                            """),
                    HttpStatus.BAD_REQUEST,
                    "unknown-field",
                    "unknown field 'bonus' at experiences[0]");
        }

        @Test
        void unknownTable() {
            assertProblem(
                    post(
                            "/api/v1/tables/nowhere/experiences",
                            """
                            {"idempotencyKey":"k","experiences":[{"state":"s0","action":"left","reward":1,
                             "terminal":true}]}
                            """),
                    HttpStatus.NOT_FOUND,
                    "unknown-table",
                    "unknown table 'nowhere'");
            assertProblem(get("/api/v1/tables/nowhere"), HttpStatus.NOT_FOUND, "unknown-table", "nowhere");
            assertThat(storedEvents("nowhere")).isZero();
        }

        @Test
        void unknownAction() {
            createTable("r-action");
            assertProblem(
                    refusedWithoutTrace(
                            "r-action",
                            """
                            {"idempotencyKey":"k","experiences":[
                              {"state":"s0","action":"left","reward":1,"terminal":true},
                              {"state":"s0","action":"fly","reward":1,"terminal":true}]}
                            """),
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "unknown-action",
                    "experiences[1]: unknown action 'fly'");
        }

        @Test
        void nonFiniteNumbers() {
            createTable("r-nan");
            assertProblem(
                    refusedWithoutTrace(
                            "r-nan",
                            """
                            {"idempotencyKey":"k","experiences":[{"state":"s0","action":"left","reward":NaN,
                             "terminal":true}]}
                            """),
                    HttpStatus.BAD_REQUEST,
                    "malformed-json",
                    "non-finite numbers");
            assertProblem(
                    refusedWithoutTrace(
                            "r-nan",
                            """
                            {"idempotencyKey":"k","experiences":[{"state":"s0","action":"left","reward":1e400,
                             "terminal":true}]}
                            """),
                    HttpStatus.BAD_REQUEST,
                    "invalid-argument",
                    "experiences[0]: reward must be a finite number");
        }

        @Test
        void emptyBatches() {
            createTable("r-empty");
            assertProblem(
                    refusedWithoutTrace("r-empty", "{\"idempotencyKey\":\"k\",\"experiences\":[]}"),
                    HttpStatus.BAD_REQUEST,
                    "invalid-argument",
                    "experiences must not be empty");
        }

        @Test
        void oversizedBatches() {
            createTable("r-big");
            String experiences = IntStream.range(0, 51)
                    .mapToObj(i -> "{\"state\":\"s" + i + "\",\"action\":\"left\",\"reward\":1,\"terminal\":true}")
                    .collect(Collectors.joining(","));
            assertProblem(
                    refusedWithoutTrace("r-big", "{\"idempotencyKey\":\"k\",\"experiences\":[" + experiences + "]}"),
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "payload-too-large",
                    "at most 50 experiences");
        }

        @Test
        void oversizedBodies() {
            createTable("r-body");
            String padding = "x".repeat(70_000);
            assertProblem(
                    refusedWithoutTrace("r-body", "{\"idempotencyKey\":\"" + padding + "\",\"experiences\":[]}"),
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "payload-too-large",
                    "exceeds the limit of 65536 bytes");
        }

        @Test
        void aTableThatAlreadyExists() {
            createTable("r-twice");
            var again = post(
                    "/api/v1/tables", "{\"tableId\":\"r-twice\",\"agentId\":\"other\",\"actions\":" + ACTIONS + "}");
            assertProblem(again, HttpStatus.CONFLICT, "conflict", "already exists");
            assertThat(storedEvents("r-twice")).isEqualTo(1);
        }

        @Test
        void invalidTableDefinitions() {
            assertProblem(
                    post("/api/v1/tables", "{\"agentId\":\"a\",\"actions\":" + ACTIONS + ",\"alpha\":1.5}"),
                    HttpStatus.BAD_REQUEST,
                    "invalid-argument",
                    "alpha (learning rate) must be in (0, 1]");
            assertProblem(
                    post("/api/v1/tables", "{\"agentId\":\"a\",\"actions\":[]}"),
                    HttpStatus.BAD_REQUEST,
                    "invalid-argument",
                    "actions must list 1 to 256 actions");
        }
    }
}
