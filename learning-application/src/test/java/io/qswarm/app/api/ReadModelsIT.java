package io.qswarm.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qswarm.app.security.ItCredentials;
import io.qswarm.intelligence.api.QTableCreated;
import io.qswarm.intelligence.api.QTableUpdated;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The confidence and exploration read models over HTTP, their live streams, rebuilding every read model from the
 * store, and the dead-letter queue parking a poison sequence while the other tables go on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class ReadModelsIT {

    private static final String ACTIONS = "[{\"name\":\"left\",\"baseCost\":0},{\"name\":\"right\",\"baseCost\":0.1}]";

    /** A handler in the confidence group that fails for tables named poison-* while the pill is active. */
    static class PoisonPill {
        static final AtomicBoolean ACTIVE = new AtomicBoolean(true);

        @ProcessingGroup("confidence")
        static class Handler {
            @EventHandler
            void on(QTableCreated event) {
                check(event.tableId().value());
            }

            @EventHandler
            void on(QTableUpdated event) {
                check(event.tableId().value());
            }

            private static void check(String table) {
                if (ACTIVE.get() && table.startsWith("poison-")) {
                    throw new IllegalStateException("poison pill for " + table);
                }
            }
        }
    }

    @TestConfiguration
    static class Poison {
        @Bean
        PoisonPill.Handler poisonPill() {
            return new PoisonPill.Handler();
        }
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    ItCredentials credentials;

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    private ResponseEntity<JsonNode> post(String path, String body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }

    /** GET with URI template variables ({@code {x}}), expanded and encoded once. */
    private JsonNode get(String path, Object... variables) {
        ResponseEntity<JsonNode> answer = http.getForEntity(path, JsonNode.class, variables);
        assertThat(answer.getStatusCode()).as("%s: %s", path, answer.getBody()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private void createTable(String id) {
        var created = post(
                "/api/v1/tables",
                """
                {"tableId":"%s","agentId":"agent-%s","actions":%s,"rule":"q_learning","alpha":0.1,"gamma":0.9,
                 "exploration":{"kind":"EXPONENTIAL","start":1.0,"rate":0.5,"end":0.1}}
                """
                        .formatted(id, id, ACTIONS));
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    private void record(String table, String key, String experiences) {
        var recorded = post(
                "/api/v1/tables/" + table + "/experiences",
                "{\"idempotencyKey\":\"%s\",\"experiences\":[%s]}".formatted(key, experiences));
        assertThat(recorded.getStatusCode()).as("%s", recorded.getBody()).isEqualTo(HttpStatus.OK);
    }

    private void awaitCaughtUp() {
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (JsonNode model : get("/api/v1/projections")) {
                    if (!model.get("caughtUp").asBoolean()
                            || model.get("replaying").asBoolean()) {
                        return false;
                    }
                }
                return true;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("read models did not catch up: " + get("/api/v1/projections"), e);
        }
    }

    @Test
    void confidenceAndExplorationAreServedPerTable() {
        // given
        createTable("insight");

        // when: s0/left twice (a success and a failure), s1/right once, s2 only reached
        record(
                "insight",
                "e1",
                """
                {"state":"s0","action":"left","reward":1.0,"nextState":"s1","scope":{"regime":"bull"}},
                {"state":"s0","action":"left","reward":-1.0,"nextState":"s1"},
                {"state":"s1","action":"right","reward":0.0,"nextState":"s2"}""");
        awaitCaughtUp();

        // then: 3 known states x 2 actions; confidence(2) = 2/3, confidence(1) = 1/2
        JsonNode confidence = get("/api/v1/tables/insight/confidence?least=2");
        assertThat(confidence.get("knownStates").asLong()).isEqualTo(3);
        assertThat(confidence.get("visitedEntries").asLong()).isEqualTo(2);
        assertThat(confidence.get("coverage").asDouble()).isEqualTo(2.0 / 6);
        assertThat(confidence.get("successes").asLong()).isEqualTo(1);
        assertThat(confidence.get("failures").asLong()).isEqualTo(1);
        assertThat(confidence.get("histogram").get(0).get("entries").asLong()).isEqualTo(4);
        assertThat(confidence.get("leastConfidentStates").findValuesAsText("state"))
                .containsExactly("s2", "s1");
        JsonNode entries = get("/api/v1/tables/insight/confidence/entries?minConfidence=0.6");
        assertThat(entries.get("total").asLong()).isEqualTo(1);
        assertThat(entries.get("entries").get(0).get("visits").asLong()).isEqualTo(2);

        JsonNode exploration = get("/api/v1/tables/insight/exploration");
        assertThat(exploration.get("epsilon").asDouble()).isEqualTo(0.5);
        assertThat(exploration.get("schedule").get("kind").asText()).isEqualTo("EXPONENTIAL");
        assertThat(exploration.get("points").findValuesAsText("epsilon")).containsExactly("1.0", "0.5");

        // and unknown tables or bad parameters are refused with a reason
        assertThat(http.getForEntity("/api/v1/tables/nope/confidence", JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> bad = http.getForEntity("/api/v1/tables/insight/confidence?least=-1", JsonNode.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("detail").asText()).contains("leastConfidentStates");
    }

    @Test
    void edgeScoresAreKeptPerPatternActionCategoryAndRegime() {
        // given a table whose actions declare categories
        var created = post(
                "/api/v1/tables",
                """
                {"tableId":"edges","agentId":"trader","actions":[{"name":"buy","category":"entry"},
                 {"name":"sell","category":"exit"},{"name":"hold"}]}
                """);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        // when experiences arrive scoped by regime
        for (int i = 0; i < 5; i++) {
            record(
                    "edges",
                    "e" + i,
                    """
                    {"state":"p3|up","action":"buy","reward":1.0,"nextState":"p4|up","scope":{"regime":"bull"}},
                    {"state":"p3|up","action":"buy","reward":-1.0,"nextState":"p2|down","scope":{"regime":"bear"}},
                    {"state":"p4|up","action":"sell","reward":0.5,"nextState":"p3|up","scope":{"regime":"bull"}},
                    {"state":"p4|up","action":"hold","reward":0.0,"nextState":"p4|up"}""");
        }
        awaitCaughtUp();

        // then
        JsonNode bull = get("/api/v1/tables/edges/edge-scores?regime={regime}&category=entry", "regime=bull");
        assertThat(bull.get("rows")).hasSize(1);
        JsonNode row = bull.get("rows").get(0);
        assertThat(row.get("pattern").asText()).isEqualTo("p3|up");
        assertThat(row.get("samples").asLong()).isEqualTo(5);
        assertThat(row.get("positives").asLong()).isEqualTo(5);
        assertThat(row.get("rawEdge").asDouble()).isPositive();
        JsonNode bear = get("/api/v1/tables/edges/edge-scores?regime={regime}", "regime=bear");
        assertThat(bear.get("rows").get(0).get("rawEdge").asDouble()).isNegative();
        JsonNode all = get("/api/v1/tables/edges/edge-scores");
        assertThat(all.get("rows").findValuesAsText("category")).contains("entry", "exit", "hold");
        assertThat(get(
                                "/api/v1/tables/edges/edge-scores/history?pattern={p}&category=entry&regime={r}",
                                "p3|up",
                                "regime=bull")
                        .get("row")
                        .get("samples")
                        .asLong())
                .isEqualTo(5);
        assertThat(get("/api/v1/tables/edges/edge-scores/weights").get("defaults"))
                .isNotNull();
        assertThat(get("/api/v1/tables/edges/edge-scores/factors").get("groups"))
                .isNotNull();
        assertThat(http.getForEntity("/api/v1/tables/edges/edge-scores?size=0", JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void theConfidenceStreamSendsTheCurrentAnswerThenEveryChange() throws Exception {
        // given
        createTable("live");
        record("live", "e1", "{\"state\":\"s0\",\"action\":\"left\",\"reward\":1.0,\"nextState\":\"s1\"}");
        awaitCaughtUp();
        BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        var request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/tables/live/confidence/stream"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + credentials.admin())
                .build();
        var stream = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body()
                        .filter(line -> line.startsWith("data:"))
                        .forEach(line -> {
                            try {
                                received.add(json.readTree(line.substring(5)));
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }));
        try {
            JsonNode first = received.poll(10, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            assertThat(first.get("visitedEntries").asLong()).isEqualTo(1);

            // when
            record("live", "e2", "{\"state\":\"s1\",\"action\":\"right\",\"reward\":1.0,\"nextState\":\"s2\"}");

            // then
            JsonNode update = received.poll(10, TimeUnit.SECONDS);
            assertThat(update).isNotNull();
            assertThat(update.get("visitedEntries").asLong()).isEqualTo(2);
            assertThat(update.get("knownStates").asLong()).isEqualTo(3);
        } finally {
            stream.cancel(true);
        }
    }

    @Test
    void everyReadModelRebuiltFromTheStoreEqualsTheLiveOne() {
        // given: learning on two tables and a merge between them
        createTable("rb-a");
        createTable("rb-b");
        for (int episode = 0; episode < 12; episode++) {
            record(
                    "rb-a",
                    "a" + episode,
                    "{\"state\":\"s%d\",\"action\":\"left\",\"reward\":%d,\"nextState\":\"s%d\"}"
                            .formatted(episode % 4, episode % 3 - 1, (episode + 1) % 4));
            record(
                    "rb-b",
                    "b" + episode,
                    "{\"state\":\"s%d\",\"action\":\"right\",\"reward\":1.5,\"terminal\":true}".formatted(episode % 5));
        }
        assertThat(post("/api/v1/tables/rb-a/merges", "{\"fromTable\":\"rb-b\"}")
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        awaitCaughtUp();
        List<String> names = get("/api/v1/projections").findValuesAsText("name");
        assertThat(names).contains("table-summary", "merge-history", "confidence", "exploration", "edge-score");

        for (String name : names) {
            String live =
                    get("/api/v1/projections/" + name + "/digest").get("sha256").asText();

            // when
            ResponseEntity<JsonNode> started = post("/api/v1/projections/" + name + "/rebuild", "");

            // then
            assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            awaitCaughtUp();
            JsonNode status = get("/api/v1/projections/" + name);
            assertThat(status.get("progress").asDouble()).isEqualTo(1.0);
            assertThat(status.get("position").asLong())
                    .isEqualTo(status.get("head").asLong());
            assertThat(get("/api/v1/projections/" + name + "/digest")
                            .get("sha256")
                            .asText())
                    .as("rebuilt %s", name)
                    .isEqualTo(live);
        }
        assertThat(http.postForEntity("/api/v1/projections/nope/rebuild", null, JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aPoisonEventParksItsOwnTableWhileTheOthersGoOn() {
        // given the poison pill is active for tables named poison-*
        PoisonPill.ACTIVE.set(true);
        createTable("poison-1");
        record("poison-1", "p1", "{\"state\":\"s0\",\"action\":\"left\",\"reward\":1.0,\"terminal\":true}");
        createTable("healthy");
        record("healthy", "h1", "{\"state\":\"s0\",\"action\":\"left\",\"reward\":1.0,\"terminal\":true}");

        // then the healthy table is served, the poisoned one's events are parked with their cause
        await().atMost(Duration.ofSeconds(20))
                .until(() -> http.getForEntity("/api/v1/tables/healthy/confidence", JsonNode.class)
                        .getStatusCode()
                        .is2xxSuccessful());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> get("/api/v1/projections/confidence/dead-letters").size() == 2);
        JsonNode parked = get("/api/v1/projections/confidence/dead-letters");
        assertThat(parked.findValuesAsText("eventType")).containsExactly("QTableCreated", "QTableUpdated");
        assertThat(parked.findValuesAsText("sequence")).containsOnly("poison-1");
        assertThat(parked.get(0).get("causeMessage").asText()).contains("poison pill for poison-1");
        assertThat(get("/api/v1/projections/confidence").get("parkedSequences").asLong())
                .isEqualTo(1);
        ResponseEntity<JsonNode> poisoned = http.getForEntity("/api/v1/tables/poison-1/confidence", JsonNode.class);
        assertThat(
                        poisoned.getStatusCode().is2xxSuccessful()
                                ? poisoned.getBody().get("visitedEntries").asLong()
                                : 0L)
                .as("the parked update is not applied")
                .isZero();

        // when the cause is fixed and the sequence retried
        PoisonPill.ACTIVE.set(false);
        JsonNode retried =
                post("/api/v1/projections/confidence/dead-letters/retry", "").getBody();

        // then
        assertThat(retried.get("processedSequences").asInt()).isEqualTo(1);
        assertThat(get("/api/v1/projections/confidence/dead-letters")).isEmpty();
        assertThat(get("/api/v1/tables/poison-1/confidence")
                        .get("visitedEntries")
                        .asLong())
                .isEqualTo(1);
    }
}
