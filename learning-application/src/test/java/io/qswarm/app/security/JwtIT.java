package io.qswarm.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * JWTs of an organisation's identity provider, with a key pair made in the test: the provider's public key is
 * configured ({@code spring.security.oauth2.resourceserver.jwt.public-key-location}), the roles come from the
 * {@code roles} claim, an agent's id from {@code qswarm_scope}; API tokens keep working beside them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("it")
class JwtIT {

    private static final KeyPair PROVIDER = rsa();
    private static final KeyPair IMPOSTOR = rsa();

    @DynamicPropertySource
    static void theProvidersPublicKey(DynamicPropertyRegistry properties) throws IOException {
        Path pem = Files.createTempFile("qswarm-jwt-", ".pub");
        pem.toFile().deleteOnExit();
        Files.writeString(
                pem,
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(PROVIDER.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
        properties.add("qswarm.security.jwt.enabled", () -> "true");
        properties.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
    }

    @LocalServerPort
    int port;

    @Autowired
    ItCredentials credentials;

    @Autowired
    ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aJwtOfTheProviderActsWithTheRoleOfItsClaim() throws Exception {
        String operator = jwt(PROVIDER.getPrivate(), "alice", List.of("operator"), null, Duration.ofMinutes(5));

        JsonNode whoami = json.readTree(send("GET", "/api/v1/session", operator).body());
        assertThat(whoami.get("role").asText()).isEqualTo("operator");
        assertThat(whoami.get("via").asText()).isEqualTo("jwt");
        assertThat(whoami.get("name").asText()).isEqualTo("alice");
        assertThat(send("GET", "/api/v1/swarms", operator).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/tokens", operator).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/swarms", credentials.admin()).statusCode())
                .as("API tokens still work")
                .isEqualTo(200);
    }

    @Test
    void anAgentJwtIsConfinedToTheAgentOfItsScopeClaim() throws Exception {
        String agent = jwt(PROVIDER.getPrivate(), "robot", List.of("agent"), "agent-jwt", Duration.ofMinutes(5));
        assertThat(send(
                                "POST",
                                "/api/v1/tables",
                                agent,
                                "{\"tableId\":\"jwt-own\",\"agentId\":\"agent-jwt\",\"actions\":[{\"name\":\"a\"}]}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(send(
                                "POST",
                                "/api/v1/tables",
                                agent,
                                "{\"tableId\":\"jwt-other\",\"agentId\":\"agent-x\",\"actions\":[{\"name\":\"a\"}]}")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void aJwtOfAnotherKeyAnExpiredOneOrOneWithoutARoleIsRefusedWith401() throws Exception {
        List<String> refused = List.of(
                jwt(IMPOSTOR.getPrivate(), "mallory", List.of("admin"), null, Duration.ofMinutes(5)),
                jwt(PROVIDER.getPrivate(), "late", List.of("admin"), null, Duration.ofMinutes(-5)),
                jwt(PROVIDER.getPrivate(), "nobody", List.of("janitor"), null, Duration.ofMinutes(5)),
                jwt(PROVIDER.getPrivate(), "robot", List.of("agent"), null, Duration.ofMinutes(5)));
        for (String token : refused) {
            HttpResponse<String> answer = send("GET", "/api/v1/swarms", token);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
            assertThat(json.readTree(answer.body()).get("type").asText()).isEqualTo("urn:qswarm:problem:unauthorized");
        }
    }

    private HttpResponse<String> send(String method, String path, String bearer) throws Exception {
        return send(method, path, bearer, null);
    }

    private HttpResponse<String> send(String method, String path, String bearer, String body) throws Exception {
        return http.send(
                ItCredentials.request(method, "http://127.0.0.1:" + port + path, body, bearer)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String jwt(PrivateKey key, String subject, List<String> roles, String scope, Duration validFor)
            throws Exception {
        Instant now = Instant.now();
        var claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issueTime(Date.from(now.minusSeconds(600)))
                .expirationTime(Date.from(now.plus(validFor)))
                .claim("roles", roles);
        if (scope != null) {
            claims.claim("qswarm_scope", scope);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
