package io.qswarm.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
}
