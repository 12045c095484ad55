package io.qswarm.app.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.qswarm.federation.domain.Swarm;
import io.qswarm.infra.axon.QSwarmSerializers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The swarm API on the real server (Axon, H2, the round saga with the persistent deadline manager, the responder and
 * the swarms read model): rounds between local tables complete and merge, refusals are RFC 9457 problems, and the
 * sync trigger starts rounds by itself when a swarm's period is due.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"qswarm.federation.sync.tick=PT0.2S", "qswarm.federation.snapshot-every=5"})
@ActiveProfiles("it")
class SwarmApiIT {

    private static final String ACTIONS = "[{\"name\":\"left\",\"baseCost\":0},{\"name\":\"right\",\"baseCost\":0}]";
    /** Rounds of these swarms start only when asked: their interval is never due during a test. */
    private static final String MANUAL = "\"syncPeriod\":{\"unit\":\"interval\",\"interval\":\"PT1H\"}";

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry properties) {
        properties.add("qswarm.data-dir", () -> data.toString());
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    private ResponseEntity<JsonNode> post(String path, String body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private JsonNode get(String path) {
        ResponseEntity<JsonNode> response = http.getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode())
                .as("GET %s: %s", path, response.getBody())
                .isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private void table(String id, String state) {
        assertThat(post(
                                "/api/v1/tables",
                                "{\"tableId\":\"%s\",\"agentId\":\"agent-%s\",\"actions\":%s}"
                                        .formatted(id, id, ACTIONS))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(post(
                                "/api/v1/tables/" + id + "/experiences",
                                """
                                {"idempotencyKey":"e-1","experiences":[
                                  {"state":"%s","action":"right","reward":1.0,"terminal":true},
                                  {"state":"%s","action":"right","reward":1.0,"terminal":true}]}
                                """
                                        .formatted(state, state))
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        await().atMost(Duration.ofSeconds(20)).until(() -> http.getForEntity("/api/v1/tables/" + id, JsonNode.class)
                .getStatusCode()
                .is2xxSuccessful());
    }

    private static void problem(ResponseEntity<JsonNode> response, HttpStatus status, String code) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody().get("code").asText()).isEqualTo(code);
        assertThat(response.getBody().get("type").asText()).isEqualTo("urn:qswarm:problem:" + code);
        assertThat(response.getBody().get("detail").asText()).isNotBlank();
    }

    private JsonNode awaitRound(String swarm, String round) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var response = http.getForEntity("/api/v1/swarms/" + swarm + "/rounds/" + round, JsonNode.class);
            return response.getStatusCode().is2xxSuccessful()
                    && !response.getBody().get("status").asText().equals("OPEN");
        });
        return get("/api/v1/swarms/" + swarm + "/rounds/" + round);
    }

    @Test
    void aSwarmWithTheLearningRateTableMergeMergesItsRoundsWithIt() {
        // given two tables that learned the same state, in a swarm whose tables merge at their learning rate
        table("rate-a", "s");
        table("rate-b", "s");
        var formed = post(
                "/api/v1/swarms",
                """
                {"swarmId":"rate","members":["rate-a","rate-b"],"topology":{"kind":"full_mesh"},
                 "aggregation":{"strategy":"median","tableMerge":"learning_rate"},
                 "quorum":{"minimum":2},"roundTimeout":"PT30S",%s}
                """
                        .formatted(MANUAL));
        assertThat(formed.getStatusCode()).as("%s", formed.getBody()).isEqualTo(HttpStatus.CREATED);

        // when a round runs
        post("/api/v1/swarms/rate/rounds", "{\"seed\":3}");
        assertThat(awaitRound("rate", "rate:1").get("status").asText()).isEqualTo("COMPLETED");
        assertThat(get("/api/v1/swarms/rate")
                        .get("aggregation")
                        .get("tableMerge")
                        .asText())
                .isEqualTo("LEARNING_RATE");

        // then each table's merge of the round is a learning-rate merge
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode merges = get("/api/v1/tables/rate-a/merges");
            assertThat(merges.findValuesAsText("strategy")).containsExactly("LEARNING_RATE");
        });

        // and the table merge of MAX cannot be changed
        problem(
                post(
                        "/api/v1/swarms",
                        """
                        {"swarmId":"rate-max","members":["rate-a","rate-b"],"topology":{"kind":"full_mesh"},
                         "aggregation":{"strategy":"max","tableMerge":"learning_rate"},
                         "quorum":{"minimum":2},"roundTimeout":"PT30S",%s}
                        """
                                .formatted(MANUAL)),
                HttpStatus.BAD_REQUEST,
                "invalid-argument");
    }

    @Test
    void aRoundBetweenTwoLocalTablesCompletesAndMergesEachIntoTheOther() throws Exception {
        // given two tables that learned different states, in a full mesh
        table("mesh-a", "sa");
        table("mesh-b", "sb");
        var formed = post(
                "/api/v1/swarms",
                """
                {"swarmId":"mesh","members":["mesh-a","mesh-b"],"topology":{"kind":"full_mesh"},
                 "quorum":{"minimum":2},"roundTimeout":"PT30S",%s}
                """
                        .formatted(MANUAL));
        assertThat(formed.getStatusCode()).as("%s", formed.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(formed.getHeaders().getLocation()).hasToString("/api/v1/swarms/mesh");

        // when a round is started
        var started = post("/api/v1/swarms/mesh/rounds", "{\"seed\":7}");
        assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(started.getBody().get("id").asText()).isEqualTo("mesh:1");

        // then it completes with both merged
        JsonNode round = awaitRound("mesh", "mesh:1");
        assertThat(round.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(round.get("contributions").asInt()).isEqualTo(2);
        assertThat(round.get("gossipSeed").asLong()).isEqualTo(7);
        assertThat(round.get("outcome").get("merged").findValuesAsText("")).isEmpty();
        assertThat(texts(round.get("outcome").get("merged"))).containsExactly("mesh-a", "mesh-b");

        // and each table now holds the other's experience, counted by origin
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode entry =
                    get("/api/v1/tables/mesh-a/entries?state=sb").get("entries").get(0);
            assertThat(entry.get("visitsByOrigin").get("mesh-b").asLong()).isEqualTo(2);
            JsonNode other =
                    get("/api/v1/tables/mesh-b/entries?state=sa").get("entries").get(0);
            assertThat(other.get("visitsByOrigin").get("mesh-a").asLong()).isEqualTo(2);
        });

        // and the swarm and its rounds read back
        JsonNode swarm = get("/api/v1/swarms/mesh");
        assertThat(texts(swarm.get("members"))).containsExactly("mesh-a", "mesh-b");
        assertThat(swarm.get("topology").get("kind").asText()).isEqualTo("FULL_MESH");
        assertThat(swarm.get("roundsStarted").asLong()).isEqualTo(1);
        assertThat(swarm.get("openRound").isNull()).isTrue();
        assertThat(get("/api/v1/swarms/mesh/rounds")).hasSize(1);
        assertThat(texts(get("/api/v1/swarms")).isEmpty()).isFalse();

        // and the swarm's stream is snapshotted (every 5 events here), through the module's own snapshotter
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM snapshot_event_entry WHERE aggregate_identifier = 'mesh'",
                                Long.class)
                        > 0);
        byte[] snapshot = jdbc.queryForObject(
                "SELECT payload FROM snapshot_event_entry WHERE aggregate_identifier = 'mesh'", byte[].class);
        assertThat(QSwarmSerializers.storageMapper().readValue(snapshot, Swarm.class))
                .as("the snapshot reads back as a swarm")
                .isNotNull();
    }

    @Test
    void membershipChangesAndRefusalsAreAnsweredAsProblems() {
        // given a swarm with a member whose table does not exist here, so its round waits for the deadline
        var formed = post(
                "/api/v1/swarms",
                """
                {"swarmId":"waiting","members":["w-a","w-ghost"],"topology":{"kind":"ring"},
                 "quorum":{"fraction":1.0},"roundTimeout":"PT60S",%s}
                """
                        .formatted(MANUAL));
        assertThat(formed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post("/api/v1/swarms/waiting/rounds", "").getStatusCode()).isEqualTo(HttpStatus.CREATED);

        // then
        problem(post("/api/v1/swarms/waiting/rounds", "{}"), HttpStatus.CONFLICT, "round-already-open");
        problem(post("/api/v1/swarms/waiting/members", "{\"tableId\":\"w-a\"}"), HttpStatus.CONFLICT, "already-member");
        problem(post("/api/v1/swarms/nowhere/rounds", "{}"), HttpStatus.NOT_FOUND, "unknown-swarm");
        problem(post("/api/v1/swarms/nowhere/members", "{\"tableId\":\"x\"}"), HttpStatus.NOT_FOUND, "unknown-swarm");
        problem(
                post(
                        "/api/v1/swarms",
                        """
                        {"swarmId":"waiting","members":["w-a"],"topology":{"kind":"ring"},"quorum":{"minimum":1},
                         "roundTimeout":"PT1M"}
                        """),
                HttpStatus.CONFLICT,
                "already-exists");
        problem(
                post(
                        "/api/v1/swarms",
                        """
                        {"swarmId":"bad-hub","members":["h-a"],"topology":{"kind":"hub","hub":"h-z"},
                         "quorum":{"minimum":1},"roundTimeout":"PT1M"}
                        """),
                HttpStatus.BAD_REQUEST,
                "invalid-argument");
        problem(
                post(
                        "/api/v1/swarms",
                        """
                        {"swarmId":"bad-quorum","members":["q-a"],"topology":{"kind":"ring"},
                         "quorum":{"minimum":1,"fraction":0.5},"roundTimeout":"PT1M"}
                        """),
                HttpStatus.BAD_REQUEST,
                "invalid-argument");
        problem(
                post(
                        "/api/v1/swarms",
                        """
                        {"swarmId":"remote","members":["r-a","r-b"],"remote":{"r-b":"nobody"},
                         "topology":{"kind":"ring"},"quorum":{"minimum":1},"roundTimeout":"PT1M"}
                        """),
                HttpStatus.NOT_FOUND,
                "unknown-peer");
        problem(
                http.getForEntity("/api/v1/swarms/waiting/rounds/waiting:9", JsonNode.class),
                HttpStatus.NOT_FOUND,
                "unknown-round");

        // and a member can join and leave
        assertThat(post("/api/v1/swarms/waiting/members", "{\"tableId\":\"w-c\"}")
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.exchange(
                                "/api/v1/swarms/waiting/members/w-c",
                                HttpMethod.DELETE,
                                HttpEntity.EMPTY,
                                JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        problem(
                http.exchange(
                        "/api/v1/swarms/waiting/members/w-c", HttpMethod.DELETE, HttpEntity.EMPTY, JsonNode.class),
                HttpStatus.UNPROCESSABLE_ENTITY,
                "unknown-member");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                        texts(get("/api/v1/swarms/waiting").get("members")))
                .containsExactly("w-a", "w-ghost"));
    }

    @Test
    void theSyncTriggerStartsARoundWhenTheSwarmsPeriodIsDue() {
        // given two tables that learned an episode each, in a swarm that syncs every episode
        table("auto-a", "xa");
        table("auto-b", "xb");

        // when the swarm is formed
        assertThat(post(
                                "/api/v1/swarms",
                                """
                                {"swarmId":"auto","members":["auto-a","auto-b"],"topology":{"kind":"full_mesh"},
                                 "quorum":{"minimum":2},"roundTimeout":"PT30S",
                                 "syncPeriod":{"unit":"episodes","every":1}}
                                """)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        // then a round starts by itself, with a seed from the seeded generator, and completes
        JsonNode round = awaitRound("auto", "auto:1");
        assertThat(round.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(round.get("gossipSeed").asLong()).isNotZero();
    }

    private static List<String> texts(JsonNode array) {
        var values = new java.util.ArrayList<String>();
        array.forEach(value -> values.add(value.isTextual() ? value.asText() : value.toString()));
        return values;
    }
}
