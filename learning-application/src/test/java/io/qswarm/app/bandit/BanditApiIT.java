package io.qswarm.app.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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

/**
 * Bandit policies over real HTTP, the aggregate reloaded from Jackson snapshots on the way (a snapshot every 3
 * events, no cache; the context of {@code ValueFunctionApiIT}): create, decide, reward, show; warm starts from JSON
 * lines and CSV; off-policy evaluation; posterior merges that count nothing twice; and every bad input refused with
 * a problem naming the reason, nothing stored.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"qswarm.snapshot.threshold=3", "qswarm.aggregate.cache=false"})
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("it")
class BanditApiIT {

    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    private ResponseEntity<JsonNode> post(String path, String body, MediaType type) {
        var headers = new HttpHeaders();
        headers.setContentType(type);
        return http.postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String path, String body) {
        return post(path, body, MediaType.APPLICATION_JSON);
    }

    private JsonNode get(String path) {
        ResponseEntity<JsonNode> answer = http.getForEntity(path, JsonNode.class);
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    /** A policy over actions a, b, c with two features; c is the default action. */
    private void create(String id, String algorithm, double scale) {
        ResponseEntity<JsonNode> created = post(
                "/api/v1/bandits",
                """
                {"policyId":"%s","algorithm":"%s","dimension":2,"actions":["a","b","c"],"ridge":1.0,
                 "explorationScale":%s,"defaultAction":"c"}"""
                        .formatted(id, algorithm, scale));
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    private JsonNode decide(String id, String context) {
        ResponseEntity<JsonNode> decided =
                post("/api/v1/bandits/" + id + "/decisions", "{\"context\":" + context + "}");
        assertThat(decided.getStatusCode()).as("%s", decided.getBody()).isEqualTo(HttpStatus.OK);
        return decided.getBody();
    }

    private ResponseEntity<JsonNode> reward(String id, String decisionId, String reward) {
        return post("/api/v1/bandits/" + id + "/decisions/" + decisionId + "/reward", "{\"reward\":" + reward + "}");
    }

    private static void assertProblem(ResponseEntity<JsonNode> answer, HttpStatus status, String code, String text) {
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(status);
        assertThat(answer.getBody().get("code").asText()).isEqualTo(code);
        assertThat(answer.getBody().get("detail").asText()).contains(text);
    }

    private int events(String id) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Integer.class, id);
    }

    /** Action a pays x0, b pays x1, c pays 0.2; contexts one-hot; logged uniformly (propensity 1/3). */
    private static String balancedLog(int repeats) {
        return balancedLog(repeats, 1);
    }

    /** {@link #balancedLog(int)} with every tuple {@code copies} times in a row. */
    private static String balancedLog(int repeats, int copies) {
        var lines = new ArrayList<String>();
        for (int r = 0; r < repeats; r++) {
            for (String context : List.of("[1,0]", "[0,1]")) {
                for (String action : List.of("a", "b", "c")) {
                    double reward = action.equals("c") ? 0.2 : (action.equals("a") == context.equals("[1,0]") ? 1 : 0);
                    String line = "{\"context\":%s,\"action\":\"%s\",\"reward\":%s,\"propensity\":%s}"
                            .formatted(context, action, reward, 1.0 / 3);
                    lines.addAll(Collections.nCopies(copies, line));
                }
            }
        }
        return String.join("\n", lines) + "\n";
    }

    @Test
    void aPolicyDecidesLearnsFromTheRewardAndShowsIt() {
        // given
        create("ucb-1", "linucb", 0.5);

        // when
        JsonNode decision = decide("ucb-1", "[1.0, 0.0]");
        ResponseEntity<JsonNode> rewarded =
                reward("ucb-1", decision.get("decisionId").asText(), "1.0");

        // then the decision was LinUCB's (propensity 1) on model version 0, and the reward advanced the model
        assertThat(decision.get("decisionId").asText()).isEqualTo("d-1");
        assertThat(decision.get("propensity").asDouble()).isEqualTo(1.0);
        assertThat(decision.get("modelVersion").asLong()).isZero();
        assertThat(decision.get("fallback").asBoolean()).isFalse();
        assertThat(rewarded.getStatusCode()).as("%s", rewarded.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(rewarded.getBody().get("modelVersion").asLong()).isEqualTo(1);
        JsonNode shown = get("/api/v1/bandits/ucb-1");
        assertThat(shown.get("algorithm").asText()).isEqualTo("linucb");
        assertThat(shown.get("modelVersion").asLong()).isEqualTo(1);
        assertThat(shown.at("/counts/decisions").asLong()).isEqualTo(1);
        assertThat(shown.at("/counts/rewards").asLong()).isEqualTo(1);
        assertThat(shown.at("/counts/openDecisions").asLong()).isZero();
        assertThat(shown.at("/counts/observationsPerAction/"
                                + decision.get("action").asText())
                        .asLong())
                .isEqualTo(1);
        assertThat(shown.at("/drift/guarded").asBoolean()).isFalse();

        // and the next decisions, through snapshots, go on numbering and learning
        for (int i = 2; i <= 4; i++) {
            JsonNode next = decide("ucb-1", "[0.0, 1.0]");
            assertThat(next.get("decisionId").asText()).isEqualTo("d-" + i);
            assertThat(next.get("modelVersion").asLong()).isEqualTo(i - 1);
            assertThat(reward("ucb-1", "d-" + i, "0.5").getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        assertThat(get("/api/v1/bandits/ucb-1").get("modelVersion").asLong()).isEqualTo(4);
    }

    @Test
    void aThompsonPolicyRecordsTheExactPropensityOfItsDraw() {
        create("ts-1", "lints", 1.0);

        JsonNode decision = decide("ts-1", "[0.3, -0.7]");

        // three actions with equal priors and one context: each wins a third of the draws
        assertThat(decision.get("propensity").asDouble()).isCloseTo(1.0 / 3, within(1e-3));
        assertThat(decision.get("fallback").asBoolean()).isFalse();
    }

    @Test
    void aGuardedColdPolicyDecidesByItsDefaultPolicyAndSaysSo() {
        // given a bound below the prior trace (3 actions · 2 features · 0.01 / λ = 0.06)
        ResponseEntity<JsonNode> created = post(
                "/api/v1/bandits",
                """
                {"policyId":"guarded-1","algorithm":"lints","dimension":2,"actions":["a","b","c"],
                 "defaultAction":"b","driftGuard":{"maxCovarianceTrace":0.05,"priorNoiseVariance":0.01}}""");
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().at("/drift/tripped").asBoolean()).isTrue();

        JsonNode decision = decide("guarded-1", "[1, 1]");

        assertThat(decision.get("action").asText()).isEqualTo("b");
        assertThat(decision.get("propensity").asDouble()).isEqualTo(1.0);
        assertThat(decision.get("fallback").asBoolean()).isTrue();
    }

    @Test
    void aWarmStartFromJsonLinesAndFromCsvLearnsEveryTupleOnce() {
        // given
        create("warm-1", "linucb", 0.0);
        String jsonLines = balancedLog(1);

        // when
        ResponseEntity<JsonNode> first = post("/api/v1/bandits/warm-1/warm-start?origin=click-log", jsonLines, NDJSON);
        ResponseEntity<JsonNode> again = post("/api/v1/bandits/warm-1/warm-start?origin=click-log", jsonLines, NDJSON);
        ResponseEntity<JsonNode> csv = post(
                "/api/v1/bandits/warm-1/warm-start?importId=csv-1",
                "x0,x1,action,reward,propensity\n1,0,a,1,0.5\n\n0,1,b,1,0.5\n",
                CSV);

        // then
        assertThat(first.getStatusCode()).as("%s", first.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody().get("learned").asInt()).isEqualTo(6);
        assertThat(first.getBody().get("modelVersion").asLong()).isEqualTo(6);
        assertThat(again.getBody().get("duplicate").asBoolean())
                .as("the same log again")
                .isTrue();
        assertThat(csv.getStatusCode()).as("%s", csv.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getBody().get("learned").asInt()).isEqualTo(2);
        JsonNode shown = get("/api/v1/bandits/warm-1");
        assertThat(shown.get("modelVersion").asLong()).isEqualTo(8);
        assertThat(shown.at("/counts/warmStartInteractions").asLong()).isEqualTo(8);
        assertThat(shown.at("/counts/observationsPerAction/a").asLong()).isEqualTo(3);

        // and the warmed-up greedy policy picks the paying action
        assertThat(decide("warm-1", "[1, 0]").get("action").asText()).isEqualTo("a");
        assertThat(decide("warm-1", "[0, 1]").get("action").asText()).isEqualTo("b");
    }

    @Test
    void anEvaluationEstimatesTheCurrentPolicyByIpsAndDoublyRobust() {
        // given a greedy policy warmed up on a uniformly logged problem whose best actions pay 1 (uniform: 0.4)
        create("eval-1", "linucb", 0.0);
        assertThat(post("/api/v1/bandits/eval-1/warm-start", balancedLog(5), NDJSON)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);

        // when evaluated on a log where each half holds every (context, action) pair, as the reward model of the
        // doubly robust estimate is cross-fitted on halves (even and odd lines)
        ResponseEntity<JsonNode> evaluated = post("/api/v1/bandits/eval-1/evaluations", balancedLog(4, 2), NDJSON);

        // then
        assertThat(evaluated.getStatusCode()).as("%s", evaluated.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode estimate = evaluated.getBody();
        assertThat(estimate.get("evaluated").asText()).isEqualTo("linucb");
        assertThat(estimate.get("samples").asInt()).isEqualTo(48);
        assertThat(estimate.at("/inversePropensity/value").asDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(estimate.at("/selfNormalized/value").asDouble()).isCloseTo(1.0, within(1e-9));
        // the greedy policy's true value is 1 (the logging policy's 0.4)
        assertThat(estimate.at("/doublyRobust/value").asDouble()).isCloseTo(1.0, within(0.05));
        assertThat(estimate.at("/doublyRobust/standardError").asDouble())
                .isLessThan(estimate.at("/inversePropensity/standardError").asDouble());
    }

    @Test
    void mergingAPeersPosteriorTwiceCountsItOnce() {
        // given a peer that learned from two rewards
        create("peer-a", "linucb", 0.1);
        create("merge-b", "linucb", 0.1);
        for (String context : List.of("[1, 0]", "[0, 1]")) {
            JsonNode decision = decide("peer-a", context);
            assertThat(reward("peer-a", decision.get("decisionId").asText(), "0.7")
                            .getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }
        ResponseEntity<JsonNode> exported = http.getForEntity("/api/v1/bandits/peer-a/posterior", JsonNode.class);
        String export = exported.getBody().toString();

        // when
        ResponseEntity<JsonNode> first = post("/api/v1/bandits/merge-b/merges", export);
        int eventsAfterFirst = events("merge-b");
        ResponseEntity<JsonNode> second = post("/api/v1/bandits/merge-b/merges", export);

        // then
        assertThat(first.getStatusCode()).as("%s", first.getBody()).isEqualTo(HttpStatus.OK);
        int statistics = exported.getBody().get("statistics").size();
        assertThat(first.getBody().get("adopted").asInt()).isEqualTo(statistics).isPositive();
        assertThat(first.getBody().get("modelVersion").asLong()).isEqualTo(1);
        assertThat(second.getBody().get("adopted").asInt()).isZero();
        assertThat(second.getBody().get("unchanged").asInt()).isEqualTo(statistics);
        assertThat(second.getBody().get("modelVersion").asLong()).isEqualTo(1);
        assertThat(events("merge-b")).as("the second merge stored nothing").isEqualTo(eventsAfterFirst);
        JsonNode merged = get("/api/v1/bandits/merge-b/posterior");
        assertThat(merged.get("statistics")).isEqualTo(exported.getBody().get("statistics"));
        assertThat(get("/api/v1/bandits/merge-b").at("/counts/merges").asLong()).isEqualTo(1);
    }

    @Nested
    class BadInput {

        @Test
        void anUnknownPolicyIsNotFound() {
            assertProblem(
                    http.getForEntity("/api/v1/bandits/nobody", JsonNode.class),
                    HttpStatus.NOT_FOUND,
                    "unknown-bandit-policy",
                    "unknown bandit policy 'nobody'");
            assertProblem(
                    post("/api/v1/bandits/nobody/decisions", "{\"context\":[1,2]}"),
                    HttpStatus.NOT_FOUND,
                    "unknown-bandit-policy",
                    "nobody");
        }

        @Test
        void aSecondPolicyUnderOneIdIsAConflict() {
            create("twice-1", "linucb", 0.1);
            assertProblem(
                    post(
                            "/api/v1/bandits",
                            "{\"policyId\":\"twice-1\",\"algorithm\":\"lints\",\"dimension\":2,\"actions\":[\"a\"]}"),
                    HttpStatus.CONFLICT,
                    "conflict",
                    "already names");
        }

        @Test
        void anUnknownAlgorithmIsRefused() {
            assertProblem(
                    post(
                            "/api/v1/bandits",
                            "{\"policyId\":\"algo-1\",\"algorithm\":\"eps\",\"dimension\":2,\"actions\":[\"a\"]}"),
                    HttpStatus.BAD_REQUEST,
                    "invalid-argument",
                    "algorithm must be linucb or lints, was 'eps'");
        }

        @Test
        void aContextOfTheWrongDimensionOrNotFiniteIsRefused() {
            create("dim-1", "linucb", 0.1);
            assertProblem(
                    post("/api/v1/bandits/dim-1/decisions", "{\"context\":[1,2,3]}"),
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "dimension-mismatch",
                    "context has 3 features, the policy expects 2");
            assertProblem(
                    post("/api/v1/bandits/dim-1/decisions", "{\"context\":[1,NaN]}"),
                    HttpStatus.BAD_REQUEST,
                    "malformed-json",
                    "non-finite numbers");
            assertThat(events("dim-1")).as("only the creation").isEqualTo(1);
        }

        @Test
        void aRewardForAnUnknownDecisionTwiceOrNotANumberIsRefused() {
            create("reward-1", "linucb", 0.1);
            String decisionId = decide("reward-1", "[1, 0]").get("decisionId").asText();
            assertThat(reward("reward-1", decisionId, "0.5").getStatusCode()).isEqualTo(HttpStatus.OK);

            assertProblem(
                    reward("reward-1", "d-99", "0.5"),
                    HttpStatus.NOT_FOUND,
                    "unknown-decision",
                    "no decision d-99 was recorded");
            assertProblem(
                    reward("reward-1", decisionId, "0.9"),
                    HttpStatus.CONFLICT,
                    "already-rewarded",
                    "was rewarded before");
            assertProblem(reward("reward-1", decisionId, "NaN"), HttpStatus.BAD_REQUEST, "malformed-json", "NaN");
            assertProblem(
                    post("/api/v1/bandits/reward-1/decisions/" + decisionId + "/reward", "{}"),
                    HttpStatus.BAD_REQUEST,
                    "invalid-argument",
                    "reward is required");
            assertThat(get("/api/v1/bandits/reward-1").get("modelVersion").asLong())
                    .isEqualTo(1);
        }

        @Test
        void aLogWithABadLineIsRefusedWithItsLineNumberAndNothingIsStored() {
            create("lines-1", "linucb", 0.1);
            String good = "{\"context\":[1,0],\"action\":\"a\",\"reward\":1,\"propensity\":0.5}";

            assertProblem(
                    post(
                            "/api/v1/bandits/lines-1/warm-start",
                            good + "\n\n{\"context\":[1,0],\"action\":\"z\",\"reward\":1,\"propensity\":0.5}\n",
                            NDJSON),
                    HttpStatus.BAD_REQUEST,
                    "invalid-argument",
                    "line 3: action 'z' is not one of [a, b, c]");
            assertProblem(
                    post(
                            "/api/v1/bandits/lines-1/warm-start",
                            "context,action,reward,propensity\n1;0,a,1,0.5\n" + "1;0;5,b,1,0.5\n",
                            CSV),
                    HttpStatus.BAD_REQUEST,
                    "invalid-argument",
                    "line 3: context has 3 features, the policy expects 2");
            assertProblem(
                    post(
                            "/api/v1/bandits/lines-1/warm-start",
                            good + "\n{\"context\":[1,0],\"action\":\"a\"}\n",
                            NDJSON),
                    HttpStatus.BAD_REQUEST,
                    "invalid-argument",
                    "line 2:");
            assertProblem(
                    post("/api/v1/bandits/lines-1/evaluations", good + "\nnot json\n", NDJSON),
                    HttpStatus.BAD_REQUEST,
                    "invalid-argument",
                    "line 2:");
            assertThat(events("lines-1")).as("only the creation").isEqualTo(1);
        }

        @Test
        void anOversizedLogIsRefused() {
            create("big-1", "linucb", 0.1);
            String tuple = "{\"context\":[1,0],\"action\":\"a\",\"reward\":1,\"propensity\":0.5}\n";

            assertProblem(
                    post("/api/v1/bandits/big-1/warm-start", tuple.repeat(201), NDJSON),
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "payload-too-large",
                    "the log holds 201 interactions, more than the 200");
            assertProblem(
                    post("/api/v1/bandits/big-1/warm-start", tuple.repeat(2000), NDJSON),
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "payload-too-large",
                    "exceeds the limit");
            assertThat(events("big-1")).as("only the creation").isEqualTo(1);
        }
    }
}
