package io.qswarm.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
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

/**
 * Tables with a value function over real HTTP: created with a spec, trained through the experiences endpoint (and
 * reloaded from Jackson snapshots on the way: a snapshot every 3 events, no cache), audited clean; a key outside the
 * schema and a merge into a kind that refuses merges are refused with 422, their code and the reason.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"qswarm.snapshot.threshold=3", "qswarm.aggregate.cache=false"})
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("it")
class ValueFunctionApiIT {

    private static final String ACTIONS =
            "[{\"name\":\"flat\",\"baseCost\":0},{\"name\":\"long\",\"baseCost\":0.1},{\"name\":\"short\",\"baseCost\":0.1}]";

    /** {@code regime=calm|level=low|signal=0.3}. */
    private static final String SCHEMA =
            """
            {"layout":"NAMED","features":[
              {"type":"categorical","name":"regime","values":["calm","storm"]},
              {"type":"categorical","name":"level","values":["low","mid","high"]},
              {"type":"numeric","name":"signal","min":0.0,"max":1.0,"buckets":4}]}""";

    private static final String HIERARCHICAL =
            """
            {"kind":"HIERARCHICAL","schema":%s,"selector":"regime","micro":["level"],
             "microByRegime":{"storm":["level","signal"]}}"""
                    .formatted(SCHEMA);

    private static final String LOW_RANK =
            "{\"kind\":\"LOW_RANK\",\"schema\":%s,\"rank\":2,\"seed\":7}".formatted(SCHEMA);

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    private ResponseEntity<JsonNode> post(String path, String body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> createTable(String id, String valueFunction) {
        return post(
                "/api/v1/tables",
                """
                {"tableId":"%s","agentId":"trader","actions":%s,"rule":"Q_LEARNING","alpha":0.1,"gamma":0.95,
                 "valueFunction":%s}"""
                        .formatted(id, ACTIONS, valueFunction));
    }

    private ResponseEntity<JsonNode> record(String id, String key, String experiences) {
        return post(
                "/api/v1/tables/" + id + "/experiences",
                "{\"idempotencyKey\":\"" + key + "\",\"experiences\":[" + experiences + "]}");
    }

    private static String step(String state, String action, double reward, String next) {
        return "{\"state\":\"%s\",\"action\":\"%s\",\"reward\":%s,\"nextState\":\"%s\"}"
                .formatted(state, action, reward, next);
    }

    private int events(String id) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Integer.class, id);
    }

    @Test
    void aHierarchicalTableIsCreatedTrainedAndAuditedOverRest() {
        // given a hierarchical table created over REST
        ResponseEntity<JsonNode> created = createTable("vf-hierarchical", HIERARCHICAL);
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);

        // when it records six batches (two calm states that differ only in the signal share a cell)
        for (int b = 0; b < 6; b++) {
            ResponseEntity<JsonNode> recorded = record(
                    "vf-hierarchical",
                    "episode-" + b,
                    String.join(
                            ",",
                            step("regime=calm|level=low|signal=0.3", "long", 1.0, "regime=storm|level=mid|signal=0.7"),
                            step(
                                    "regime=storm|level=mid|signal=0.7",
                                    "short",
                                    -0.5 + b,
                                    "regime=calm|level=low|signal=0.9"),
                            "{\"state\":\"regime=calm|level=low|signal=0.9\",\"action\":\"long\",\"reward\":0.5,"
                                    + "\"terminal\":true}"));
            assertThat(recorded.getStatusCode()).as("%s", recorded.getBody()).isEqualTo(HttpStatus.OK);
            assertThat(recorded.getBody().get("updates").asInt()).isEqualTo(3);
        }

        // then the store holds its spec, snapshots were taken along the way, and the audit replays every update of
        // the function bit for bit
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                        Integer.class,
                        "vf-hierarchical"))
                .isPositive();
        ResponseEntity<JsonNode> audit = post("/api/v1/audits", "{\"tableId\":\"vf-hierarchical\"}");
        assertThat(audit.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode report = audit.getBody();
        assertThat(report.get("clean").asBoolean()).as("%s", report).isTrue();
        assertThat(report.get("updates").asLong()).isEqualTo(18);
        JsonNode table = report.get("tables").get(0);
        assertThat(table.get("valueFunction").asText()).isEqualTo("HIERARCHICAL");
        assertThat(table.get("parametersSha256").asText()).hasSize(64);
    }

    @Test
    void aStateKeyOutsideTheSchemaIsRefusedNamingTheKeyAndTheSchema() {
        assertThat(createTable("vf-refused-key", HIERARCHICAL).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<JsonNode> refused = record(
                "vf-refused-key",
                "episode-1",
                step("regime=fog|level=low|signal=0.5", "long", 1.0, "regime=calm|level=low|signal=0.3"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().get("code").asText()).isEqualTo("state-outside-schema");
        assertThat(refused.getBody().get("detail").asText())
                .isEqualTo("experiences[0].state: state 'regime=fog|level=low|signal=0.5' does not fit the schema: "
                        + "feature regime has no value 'fog'; expected one of [calm, storm]; the table's schema "
                        + "(NAMED): regime={calm, storm}|level={low, mid, high}|signal=<number in [0.0, 1.0]>");
        assertThat(events("vf-refused-key")).as("nothing was stored").isEqualTo(1);
    }

    @Test
    void aLowRankTableRefusesAMergeWith422AndItsCode() {
        // given a low-rank table that learned something
        assertThat(createTable("vf-low-rank", LOW_RANK).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(record(
                                "vf-low-rank",
                                "episode-1",
                                step(
                                        "regime=calm|level=low|signal=0.3",
                                        "long",
                                        1.0,
                                        "regime=calm|level=mid|signal=0.1"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);

        // when a peer's knowledge is merged into it
        ResponseEntity<JsonNode> refused = post(
                "/api/v1/tables/vf-low-rank/merges",
                "{\"peer\":\"peer-b\",\"entries\":[{\"state\":\"regime=calm|level=low|signal=0.3\",\"action\":\"long\","
                        + "\"q\":0.5,\"visits\":3}]}");

        // then it is refused with the kind's reason, and nothing is stored
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().get("code").asText()).isEqualTo("value-function-not-mergeable");
        assertThat(refused.getBody().get("detail").asText())
                .startsWith("table vf-low-rank (low-rank r=2 (additive embedding) over [regime, level, signal]) "
                        + "refuses merges: low-rank factors are not identifiable");
        assertThat(events("vf-low-rank")).isEqualTo(2);
    }

    @Test
    void anInvalidValueFunctionIsRefusedByName() {
        ResponseEntity<JsonNode> numericSelector = createTable(
                "vf-invalid", "{\"kind\":\"HIERARCHICAL\",\"schema\":%s,\"selector\":\"signal\"}".formatted(SCHEMA));
        ResponseEntity<JsonNode> noRank =
                createTable("vf-invalid", "{\"kind\":\"CP\",\"schema\":%s}".formatted(SCHEMA));

        assertThat(numericSelector.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(numericSelector.getBody().get("detail").asText())
                .isEqualTo("valueFunction: the regime selector signal must be a categorical feature (its values name "
                        + "regimes)");
        assertThat(noRank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noRank.getBody().get("detail").asText()).isEqualTo("valueFunction.rank is required for kind CP");
        assertThat(events("vf-invalid")).isZero();
    }

    private static final String ADDITIVE = "{\"kind\":\"ADDITIVE\",\"schema\":%s}".formatted(SCHEMA);

    private ResponseEntity<JsonNode> get(String path) {
        return http.getForEntity(path, JsonNode.class);
    }

    private ResponseEntity<JsonNode> merge(String target, String body) {
        return post("/api/v1/tables/" + target + "/merges", body);
    }

    /** A table of {@code valueFunction} that recorded one batch of two experiences. */
    private void trained(String id, String valueFunction, double reward) {
        assertThat(createTable(id, valueFunction).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<JsonNode> recorded = record(
                id,
                "episode-1",
                String.join(
                        ",",
                        step("regime=calm|level=low|signal=0.3", "long", reward, "regime=storm|level=mid|signal=0.7"),
                        step(
                                "regime=storm|level=mid|signal=0.7",
                                "short",
                                -reward,
                                "regime=calm|level=low|signal=0.3")));
        assertThat(recorded.getStatusCode()).as("%s", recorded.getBody()).isEqualTo(HttpStatus.OK);
    }

    private String parametersSha256(String id) {
        ResponseEntity<JsonNode> parameters = get("/api/v1/tables/" + id + "/parameters");
        assertThat(parameters.getStatusCode()).isEqualTo(HttpStatus.OK);
        return parameters.getBody().get("parametersSha256").asText();
    }

    @Test
    void mergingATableOfTheSameSpecTwiceMergesItsParametersOnce() {
        // given two additive tables of the same spec that learned different rewards
        trained("vf-merge-a", ADDITIVE, 1.0);
        trained("vf-merge-b", ADDITIVE, -2.0);
        String before = parametersSha256("vf-merge-a");

        // when b is merged into a twice
        ResponseEntity<JsonNode> first = merge("vf-merge-a", "{\"fromTable\":\"vf-merge-b\"}");
        String afterFirst = parametersSha256("vf-merge-a");
        ResponseEntity<JsonNode> second = merge("vf-merge-a", "{\"fromTable\":\"vf-merge-b\"}");

        // then the first merge averaged the parameters b's experiences touched, and the second changed nothing
        assertThat(first.getStatusCode()).as("%s", first.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody().get("updated").asInt()).isPositive();
        assertThat(afterFirst).isNotEqualTo(before);
        assertThat(second.getStatusCode()).as("%s", second.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(second.getBody().get("added").asInt()).isZero();
        assertThat(second.getBody().get("updated").asInt()).isZero();
        assertThat(parametersSha256("vf-merge-a")).isEqualTo(afterFirst);
        JsonNode parameters =
                get("/api/v1/tables/vf-merge-a/parameters").getBody().get("parameters");
        assertThat(parameters.get("spec").get("kind").asText()).isEqualTo("ADDITIVE");
        assertThat(parameters.get("values").get(0).get("visitsByOrigin").toString())
                .as("the base of the first action, flat: never taken")
                .isEqualTo("{}");
        assertThat(parameters.get("values").get(1).get("visitsByOrigin").toString())
                .isEqualTo("{\"vf-merge-a\":1,\"vf-merge-b\":1}");
    }

    @Test
    void postedParametersOfAPeerAreMergedOnceAndItsExportIsTheParameters() {
        // given a table and a peer's parameters as the peer's deployment exports them
        trained("vf-posted-a", ADDITIVE, 1.0);
        trained("vf-posted-b", ADDITIVE, 3.0);
        JsonNode exported = get("/api/v1/tables/vf-posted-b/parameters").getBody();
        assertThat(exported.get("kind").asText()).isEqualTo("ADDITIVE");
        String body = "{\"peer\":\"vf-posted-b\",\"parameters\":" + exported.get("parameters") + "}";

        // when they are posted twice
        ResponseEntity<JsonNode> first = merge("vf-posted-a", body);
        ResponseEntity<JsonNode> second = merge("vf-posted-a", body);

        // then only the first changes anything
        assertThat(first.getStatusCode()).as("%s", first.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody().get("updated").asInt()).isPositive();
        assertThat(second.getBody().get("updated").asInt()).isZero();
        assertThat(get("/api/v1/tables/vf-no-such-table/parameters").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void mergesThatDoNotFitTheTargetAreRefusedWith422AndNothingIsStored() {
        // given an additive source, a hierarchical and a low-rank target, and a flat table with the schema
        trained("vf-refuse-source", ADDITIVE, 1.0);
        trained("vf-refuse-hierarchical", HIERARCHICAL, 1.0);
        trained("vf-refuse-low-rank", LOW_RANK, 1.0);
        trained("vf-refuse-flat", "{\"kind\":\"TABULAR\",\"schema\":%s}".formatted(SCHEMA), 1.0);

        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> get("/api/v1/tables/vf-refuse-flat/export")
                                .getBody()
                                .get("entries")
                                .size()
                        == 2);

        // when the source is merged into each, and the flat table's entries into the additive one
        ResponseEntity<JsonNode> otherSpec = merge("vf-refuse-hierarchical", "{\"fromTable\":\"vf-refuse-source\"}");
        ResponseEntity<JsonNode> lowRank = merge("vf-refuse-low-rank", "{\"fromTable\":\"vf-refuse-source\"}");
        ResponseEntity<JsonNode> intoFlat = merge("vf-refuse-flat", "{\"fromTable\":\"vf-refuse-source\"}");
        ResponseEntity<JsonNode> entries = merge("vf-refuse-source", "{\"fromTable\":\"vf-refuse-flat\"}");
        ResponseEntity<JsonNode> both = merge("vf-refuse-source", "{\"fromTable\":\"vf-refuse-flat\",\"entries\":[]}");

        // then each is refused with its code and reason
        assertThat(otherSpec.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(otherSpec.getBody().get("code").asText()).isEqualTo("value-function-mismatch");
        assertThat(otherSpec.getBody().get("detail").asText())
                .startsWith("merge refused: the peer's value function (additive over [regime, level, signal]) differs");
        assertThat(lowRank.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(lowRank.getBody().get("code").asText()).isEqualTo("value-function-not-mergeable");
        assertThat(intoFlat.getBody().get("code").asText()).isEqualTo("value-function-mismatch");
        assertThat(intoFlat.getBody().get("detail").asText()).startsWith("table vf-refuse-flat is a flat table");
        assertThat(entries.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(entries.getBody().get("code").asText()).isEqualTo("value-function-mismatch");
        assertThat(both.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        for (String table : java.util.List.of(
                "vf-refuse-source", "vf-refuse-hierarchical", "vf-refuse-low-rank", "vf-refuse-flat")) {
            assertThat(events(table)).as(table).isEqualTo(2);
        }
    }

    @Test
    void aTableWithAValueFunctionCannotJoinASwarm() {
        // given an additive table
        trained("vf-swarm-a", ADDITIVE, 1.0);

        // when a swarm is formed with it
        ResponseEntity<JsonNode> formed = post(
                "/api/v1/swarms",
                """
                {"swarmId":"vf-swarm","members":["vf-swarm-a","vf-swarm-b"],"topology":{"kind":"full_mesh"},
                 "quorum":{"minimum":2},"roundTimeout":"PT30S"}""");

        // then it is refused with the reason and what to do instead
        assertThat(formed.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(formed.getBody().get("code").asText()).isEqualTo("value-function-mismatch");
        assertThat(formed.getBody().get("detail").asText())
                .startsWith("table vf-swarm-a keeps its values in a value function and cannot be a member of swarm "
                        + "vf-swarm: swarm rounds exchange and aggregate state-action entries")
                .contains("/api/v1/tables/{tableId}/merges");
        assertThat(get("/api/v1/swarms/vf-swarm").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
