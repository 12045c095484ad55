package io.qswarm.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qswarm.audit.InclusionProof;
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

/** Audits, as-of tables and Merkle proofs over real HTTP, on a store written through the API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("it")
class AuditApiIT {

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

    private void aLearnedTable(String id) {
        assertThat(post(
                                "/api/v1/tables",
                                "{\"tableId\":\"" + id + "\",\"agentId\":\"a\",\"actions\":[{\"name\":\"left\","
                                        + "\"baseCost\":0},{\"name\":\"right\",\"baseCost\":0.1}]}")
                        .getStatusCode()
                        .is2xxSuccessful())
                .isTrue();
        for (int b = 0; b < 3; b++) {
            assertThat(post(
                                    "/api/v1/tables/" + id + "/experiences",
                                    "{\"idempotencyKey\":\"e-" + b + "\",\"experiences\":["
                                            + "{\"state\":\"q1\",\"action\":\"right\",\"reward\":" + b
                                            + ",\"nextState\":\"q2\"},"
                                            + "{\"state\":\"q2\",\"action\":\"left\",\"reward\":2.0,\"terminal\":true}]}")
                            .getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void anAuditOfATableReportsItCleanWithItsDigests() {
        aLearnedTable("audited");

        ResponseEntity<JsonNode> response = post("/api/v1/audits", "{\"tableId\":\"audited\"}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode report = response.getBody();
        assertThat(report.get("clean").asBoolean()).isTrue();
        assertThat(report.get("updates").asLong()).isEqualTo(6);
        assertThat(report.get("tables").get(0).get("version").asLong()).isEqualTo(3);
    }

    @Test
    void aProofOfAValueVerifiesAgainstTheAuditedRoot() throws Exception {
        aLearnedTable("proved");
        String root = post("/api/v1/audits", "{\"tableId\":\"proved\"}")
                .getBody()
                .get("tables")
                .get(0)
                .get("merkleRoot")
                .asText();

        ResponseEntity<String> response =
                http.getForEntity("/api/v1/tables/proved/proofs?state=q1&action=right", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        InclusionProof proof = json.readValue(response.getBody(), InclusionProof.class);
        assertThat(proof.verify().valid()).isTrue();
        assertThat(proof.rootHash()).isEqualTo(root);
        assertThat(http.getForEntity("/api/v1/tables/proved/proofs?state=q9&action=right", JsonNode.class)
                        .getBody()
                        .get("code")
                        .asText())
                .isEqualTo("unknown-entry");
    }

    @Test
    void aTableAsOfAnEarlierPositionShowsItsValuesThen() {
        aLearnedTable("then");
        long position = jdbc.queryForObject(
                "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = 'then'"
                        + " AND sequence_number = 1",
                Long.class);

        JsonNode table = http.getForEntity("/api/v1/tables/then/as-of?at=" + position, JsonNode.class)
                .getBody();

        assertThat(table.get("version").asLong()).isEqualTo(1);
        assertThat(table.get("updates").asLong()).isEqualTo(2);
        assertThat(table.get("entries")).hasSize(2);
    }

    @Test
    void aTamperedTableIsReportedWithTheDiscrepancy() {
        aLearnedTable("tampered");
        jdbc.update("UPDATE domain_event_entry SET sequence_number = 7 WHERE aggregate_identifier = 'tampered'"
                + " AND sequence_number = 2");

        JsonNode report = post("/api/v1/audits", "{\"tableId\":\"tampered\"}").getBody();
        ResponseEntity<JsonNode> asOf = http.getForEntity("/api/v1/tables/tampered/as-of?at=999999", JsonNode.class);

        assertThat(report.get("clean").asBoolean()).isFalse();
        assertThat(report.get("firstDiscrepancy").get("field").asText()).isEqualTo("sequence");
        assertThat(asOf.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(asOf.getBody().get("code").asText()).isEqualTo("tampered-history");
    }
}
