package io.qswarm.app.federation.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.qswarm.app.QSwarmApplication;
import io.qswarm.app.security.ItCredentials;
import io.qswarm.app.security.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Snapshots between two deployments over real HTTP: a second server, the peer {@code alpha} (its own H2 store, data
 * directory and key pair), publishes tables; this test's server (the context the other API tests share) registers
 * alpha, fetches its snapshots, checks them against alpha's key and merges the trusted version into a local table.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnapshotsIT {

    private static final String ACTIONS = "[{\"name\":\"left\",\"baseCost\":0},{\"name\":\"right\",\"baseCost\":0}]";

    /** Table names unique to this run: this server's snapshot directory lives under ./data, across runs. */
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    static Path alphaData;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    /** Alpha's operator (its admin token). */
    private TestRestTemplate peerHttp;

    private ConfigurableApplicationContext alpha;
    private String alphaUrl;
    private String alphaKey;

    @BeforeAll
    void aPeerThatPublishesAndIsRegisteredHere() {
        alpha = new SpringApplicationBuilder(QSwarmApplication.class)
                .profiles("it")
                .logStartupInfo(false)
                .run(
                        "--server.port=0",
                        "--qswarm.data-dir=" + alphaData,
                        "--qswarm.federation.peer-id=alpha",
                        "--qswarm.federation.sync.enabled=false",
                        "--qswarm.federation.snapshots.max-uncompressed-bytes=4096",
                        "--spring.main.banner-mode=off");
        alphaUrl = "http://127.0.0.1:"
                + ((WebServerApplicationContext) alpha).getWebServer().getPort();
        ItCredentials alphaCredentials = alpha.getBean(ItCredentials.class);
        peerHttp = new TestRestTemplate(new RestTemplateBuilder()
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + alphaCredentials.admin()));
        JsonNode identity = peerHttp.getForObject(alphaUrl + "/api/v1/federation/identity", JsonNode.class);
        alphaKey = identity.get("publicKey").asText();
        // alpha lets this deployment read its snapshots with a peer token in this deployment's name
        String here = http.getForObject("/api/v1/federation/identity", JsonNode.class)
                .get("peerId")
                .asText();
        var registered = post(
                http,
                "/api/v1/federation/peers",
                "{\"peerId\":\"alpha\",\"baseUrl\":\"%s\",\"publicKey\":\"%s\",\"credential\":\"%s\"}"
                        .formatted(alphaUrl, alphaKey, alphaCredentials.token(Role.PEER, here)));
        assertThat(registered.getStatusCode()).as("%s", registered.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(registered.getBody().get("credentialConfigured").asBoolean()).isTrue();
        assertThat(registered.getBody().toString()).doesNotContain("qsw_");
    }

    @Test
    void aPeerThatHoldsNoCredentialOfAlphaIsRefusedByAlphaAndNothingIsStored() {
        // given alpha registered a second time, under another name and without the credential alpha issued
        var registered = post(
                http,
                "/api/v1/federation/peers",
                "{\"peerId\":\"alpha-without-credential\",\"baseUrl\":\"%s\",\"publicKey\":\"%s\"}"
                        .formatted(alphaUrl, alphaKey));
        assertThat(registered.getStatusCode()).as("%s", registered.getBody()).isEqualTo(HttpStatus.CREATED);
        String table = "uncredentialed-" + run;
        alphaTable(table, "e-1", "s1");
        assertThat(post(peerHttp, alphaUrl + "/api/v1/snapshots/" + table, "").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        // when this deployment fetches through that registration
        var fetched = post(
                http,
                "/api/v1/snapshots/fetch",
                "{\"peer\":\"alpha-without-credential\",\"table\":\"%s\",\"apply\":true}".formatted(table));

        // then alpha answered 401, which comes back as the reason, and no table was made here
        problem(fetched, HttpStatus.BAD_GATEWAY, "peer-refused");
        assertThat(fetched.getBody().get("detail").asText()).contains("401", "credential");
        assertThat(events("alpha-without-credential." + table)).isZero();

        // and a peer token of alpha reads what alpha publishes, but publishes nothing itself
        var asPeer = new TestRestTemplate(new RestTemplateBuilder()
                .defaultHeader(
                        HttpHeaders.AUTHORIZATION,
                        "Bearer " + alpha.getBean(ItCredentials.class).token(Role.PEER, "some-peer")));
        assertThat(asPeer.getForEntity(alphaUrl + "/api/v1/snapshots/" + table + "/manifest.jsonl", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        problem(post(asPeer, alphaUrl + "/api/v1/snapshots/" + table, ""), HttpStatus.FORBIDDEN, "forbidden");
    }

    @AfterAll
    void stopThePeer() {
        if (alpha != null) {
            alpha.close();
        }
    }

    @Test
    void aPublishedSnapshotIsFetchedVerifiedAndAppliedOnceHoweverOftenItIsApplied() throws Exception {
        // given a table of alpha with two experiences of s1/right, published as its first version
        String table = "snap-" + run;
        alphaTable(table, "e-1", "s1");
        ResponseEntity<JsonNode> published = post(peerHttp, alphaUrl + "/api/v1/snapshots/" + table, "");
        assertThat(published.getStatusCode()).as("%s", published.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode line = published.getBody().get("line");
        assertThat(published.getBody().get("bump").asText()).isEqualTo("first");
        assertThat(line.get("version").asText()).isEqualTo("v1.0.0");
        assertThat(line.get("signer_key_id").asText()).isEqualTo("alpha");
        assertThat(line.get("samples").asLong()).isEqualTo(2);
        assertThat(line.get("source_event_position").asLong())
                .as("QTableCreated 0, QTableUpdated 1")
                .isEqualTo(1);
        assertThat(published.getHeaders().getLocation()).hasToString("/api/v1/snapshots/" + table + "/v1.0.0");

        // then nothing new is refused, and the list, the manifest and the files are served
        problem(
                post(peerHttp, alphaUrl + "/api/v1/snapshots/" + table, "{\"bump\":\"patch\"}"),
                HttpStatus.CONFLICT,
                "nothing-new");
        JsonNode list = peerHttp.getForObject(alphaUrl + "/api/v1/snapshots/" + table, JsonNode.class);
        assertThat(list).hasSize(1);
        assertThat(list.get(0)).isEqualTo(line);
        ResponseEntity<String> manifest =
                peerHttp.getForEntity(alphaUrl + "/api/v1/snapshots/" + table + "/manifest.jsonl", String.class);
        assertThat(manifest.getBody().lines().toList()).hasSize(1);
        ResponseEntity<byte[]> payload =
                peerHttp.getForEntity(alphaUrl + "/api/v1/snapshots/" + table + "/v1.0.0", byte[].class);
        assertThat(payload.getHeaders().getContentType()).hasToString("application/zstd");
        assertThat(payload.getBody()).hasSize(line.get("size").asInt());
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload.getBody())))
                .isEqualTo(line.get("sha256").asText());
        assertThat(peerHttp.getForObject(alphaUrl + "/api/v1/snapshots/" + table + "/v1.0.0/signature", String.class))
                .isEqualTo(line.get("signature").asText());
        problem(
                peerHttp.getForEntity(alphaUrl + "/api/v1/snapshots/" + table + "/v1.0.7", JsonNode.class),
                HttpStatus.NOT_FOUND,
                "unknown-version");

        // when this deployment fetches it and applies it
        JsonNode fetched = fetch("{\"peer\":\"alpha\",\"table\":\"%s\",\"apply\":true}".formatted(table));

        // then v1.0.0 is trusted and merged into the new table alpha.<table>, visits under their origin
        String into = "alpha." + table;
        assertThat(fetched.get("trusted").get("version").asText()).isEqualTo("v1.0.0");
        assertThat(fetched.get("changed").asBoolean()).isTrue();
        assertThat(fetched.get("rejected")).isEmpty();
        assertThat(fetched.get("applied").get("into").asText()).isEqualTo(into);
        assertThat(fetched.get("applied").get("created").asBoolean()).isTrue();
        assertThat(fetched.get("applied").get("counts").get("added").asInt()).isEqualTo(1);
        JsonNode entry = awaitEntries(into).get(0);
        assertThat(entry.get("visits").asLong()).isEqualTo(2);
        assertThat(entry.get("visitsByOrigin").get(table).asLong()).isEqualTo(2);
        long events = events(into);

        // when it is fetched and applied again
        JsonNode again = fetch("{\"peer\":\"alpha\",\"table\":\"%s\",\"apply\":true}".formatted(table));

        // then nothing changes: no download, no merge, no event
        assertThat(again.get("changed").asBoolean()).isFalse();
        assertThat(again.get("downloaded")).isEmpty();
        assertThat(again.get("applied").get("merged").asBoolean()).isFalse();
        assertThat(again.get("applied").get("counts").get("added").asInt()).isZero();
        assertThat(again.get("applied").get("counts").get("updated").asInt()).isZero();
        assertThat(events(into)).isEqualTo(events);
    }

    @Test
    void aTamperedLatestVersionIsRejectedWithItsReasonAndTheNewestValidOneIsTrusted() throws Exception {
        // given a table of alpha published twice, the second payload then altered on alpha's disk
        String table = "tamper-" + run;
        alphaTable(table, "e-1", "s1");
        assertThat(post(peerHttp, alphaUrl + "/api/v1/snapshots/" + table, "").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        record(table, "e-2", "s2");
        ResponseEntity<JsonNode> second =
                post(peerHttp, alphaUrl + "/api/v1/snapshots/" + table, "{\"bump\":\"patch\"}");
        assertThat(second.getBody().get("line").get("version").asText()).isEqualTo("v1.0.1");
        Path payload = alphaData.resolve("snapshots/published").resolve(table).resolve("v1.0.1.zst");
        byte[] bytes = Files.readAllBytes(payload);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(payload, bytes);

        // when this deployment fetches and applies it
        JsonNode fetched = fetch(
                "{\"peer\":\"alpha\",\"table\":\"%s\",\"apply\":true,\"into\":\"copy-%s\"}".formatted(table, table));

        // then v1.0.1 is rejected with the reason, v1.0.0 is trusted and only its knowledge is merged
        assertThat(fetched.get("trusted").get("version").asText()).isEqualTo("v1.0.0");
        assertThat(fetched.get("rejected")).hasSize(1);
        assertThat(fetched.get("rejected").get(0).get("version").asText()).isEqualTo("v1.0.1");
        assertThat(fetched.get("rejected").get(0).get("reason").asText()).isEqualTo("HASH_MISMATCH");
        assertThat(fetched.get("rejected").get(0).get("detail").asText()).contains("SHA-256");
        assertThat(fetched.get("applied").get("version").asText()).isEqualTo("v1.0.0");
        assertThat(awaitEntries("copy-" + table))
                .extracting(e -> e.get("state").asText())
                .containsExactly("s1");
    }

    @Test
    void applyingIntoATableWithOtherActionsIsAConflictAndChangesNothing() {
        // given a published table of alpha and a local table with other actions
        String table = "clash-" + run;
        alphaTable(table, "e-1", "s1");
        assertThat(post(peerHttp, alphaUrl + "/api/v1/snapshots/" + table, "").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        String local = "local-" + table;
        assertThat(post(
                                http,
                                "/api/v1/tables",
                                "{\"tableId\":\"%s\",\"agentId\":\"a\",\"actions\":[{\"name\":\"up\"},{\"name\":\"down\"}]}"
                                        .formatted(local))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        // then
        problem(
                post(
                        http,
                        "/api/v1/snapshots/fetch",
                        "{\"peer\":\"alpha\",\"table\":\"%s\",\"apply\":true,\"into\":\"%s\"}".formatted(table, local)),
                HttpStatus.CONFLICT,
                "table-mismatch");
        assertThat(events(local)).isEqualTo(1);
    }

    @Test
    void aTableBeyondTheSnapshotLimitIsNotPublished() {
        // given a table of alpha with 40 states: more than alpha's 4 KiB limit once written out
        String table = "big-" + run;
        alphaTable(table, "e-1", "s0");
        var steps = new StringBuilder();
        for (int s = 1; s <= 40; s++) {
            steps.append(s == 1 ? "" : ",")
                    .append("{\"state\":\"state-%d\",\"action\":\"left\",\"reward\":%d,\"terminal\":true}"
                            .formatted(s, s));
        }
        assertThat(post(
                                peerHttp,
                                alphaUrl + "/api/v1/tables/" + table + "/experiences",
                                "{\"idempotencyKey\":\"e-2\",\"experiences\":[" + steps + "]}")
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);

        // then
        problem(
                post(peerHttp, alphaUrl + "/api/v1/snapshots/" + table, ""),
                HttpStatus.PAYLOAD_TOO_LARGE,
                "payload-too-large");
        problem(
                peerHttp.getForEntity(alphaUrl + "/api/v1/snapshots/" + table, JsonNode.class),
                HttpStatus.NOT_FOUND,
                "unknown-table");
    }

    @Test
    void refusalsAreProblemsWithTheirReason() {
        problem(
                post(http, "/api/v1/snapshots/fetch", "{\"peer\":\"nobody\",\"table\":\"t\"}"),
                HttpStatus.NOT_FOUND,
                "unknown-peer");
        problem(
                post(http, "/api/v1/snapshots/fetch", "{\"peer\":\"alpha\",\"table\":\"never-published-" + run + "\"}"),
                HttpStatus.NOT_FOUND,
                "unknown-table");
        problem(post(http, "/api/v1/snapshots/no-such-table-" + run, ""), HttpStatus.NOT_FOUND, "unknown-table");
        problem(
                http.getForEntity("/api/v1/snapshots/no-such-table-" + run, JsonNode.class),
                HttpStatus.NOT_FOUND,
                "unknown-table");
        problem(post(http, "/api/v1/snapshots/t-1", "{\"bump\":\"huge\"}"), HttpStatus.BAD_REQUEST, "invalid-argument");
    }

    private void alphaTable(String table, String key, String state) {
        assertThat(post(
                                peerHttp,
                                alphaUrl + "/api/v1/tables",
                                "{\"tableId\":\"%s\",\"agentId\":\"agent-%s\",\"actions\":%s}"
                                        .formatted(table, table, ACTIONS))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        record(table, key, state);
    }

    private void record(String table, String key, String state) {
        var recorded = post(
                peerHttp,
                alphaUrl + "/api/v1/tables/" + table + "/experiences",
                """
                {"idempotencyKey":"%s","experiences":[
                  {"state":"%s","action":"right","reward":1.0,"terminal":true},
                  {"state":"%s","action":"right","reward":1.0,"terminal":true}]}
                """
                        .formatted(key, state, state));
        assertThat(recorded.getStatusCode()).as("%s", recorded.getBody()).isEqualTo(HttpStatus.OK);
    }

    private JsonNode fetch(String body) {
        ResponseEntity<JsonNode> fetched = post(http, "/api/v1/snapshots/fetch", body);
        assertThat(fetched.getStatusCode()).as("%s", fetched.getBody()).isEqualTo(HttpStatus.OK);
        return fetched.getBody();
    }

    private JsonNode awaitEntries(String table) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var entries = http.getForEntity("/api/v1/tables/" + table + "/entries", JsonNode.class);
            return entries.getStatusCode().is2xxSuccessful()
                    && entries.getBody().get("total").asLong() > 0;
        });
        return http.getForObject("/api/v1/tables/" + table + "/entries", JsonNode.class)
                .get("entries");
    }

    private long events(String table) {
        Long count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, table);
        return count == null ? 0 : count;
    }

    private static ResponseEntity<JsonNode> post(TestRestTemplate client, String url, String body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.postForEntity(
                url, new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);
    }

    private static void problem(ResponseEntity<JsonNode> response, HttpStatus status, String code) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody().get("code").asText()).isEqualTo(code);
        assertThat(response.getBody().get("detail").asText()).isNotBlank();
    }
}
