package io.qswarm.app.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;

/**
 * Credentials of the integration tests (profile {@code it}, property {@code qswarm.test.admin-by-default}, which only
 * this test code reads): an admin token made in the context's store at start, sent by every {@code TestRestTemplate}
 * of the context unless a request carries its own {@code Authorization}, so API tests written without security in
 * mind keep testing the API. Security tests ask for anonymous clients and tokens of other roles explicitly.
 */
public final class ItCredentials {

    private final ApiTokens tokens;
    private final String admin;
    private final Map<String, String> byRoleAndScope = new ConcurrentHashMap<>();

    ItCredentials(ApiTokens tokens) {
        this.tokens = tokens;
        this.admin = tokens.create(Role.ADMIN, "integration tests", null, null, "test")
                .credential();
    }

    /** The admin token every TestRestTemplate of the context sends by default. */
    public String admin() {
        return admin;
    }

    /** A token of {@code role} (scoped to {@code scope} for agents and peers), made once per role and scope. */
    public String token(Role role, String scope) {
        return byRoleAndScope.computeIfAbsent(
                role + "/" + scope, key -> tokens.create(role, "it " + role.label(), scope, null, "test")
                        .credential());
    }

    /** A token of an unscoped role. */
    public String token(Role role) {
        return token(role, null);
    }

    /**
     * A JSON request of {@code method} to {@code url} with {@code body} (none when null), and the bearer token when it
     * is not null; what the security tests send with the JDK's HTTP client.
     */
    public static java.net.http.HttpRequest.Builder request(String method, String url, String body, String token) {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .timeout(java.time.Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                                : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return request;
    }

    /** {@code Authorization: Bearer <token>} headers. */
    public static HttpHeaders bearer(String token) {
        var headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return headers;
    }

    /** The auto-configuration that makes the credentials and gives every TestRestTemplate the admin token. */
    @AutoConfiguration
    @ConditionalOnProperty("qswarm.test.admin-by-default")
    public static class AdminByDefault {

        @Bean
        ItCredentials itCredentials(ApiTokens tokens) {
            return new ItCredentials(tokens);
        }

        @Bean
        RestTemplateCustomizer adminTokenByDefault(ItCredentials credentials) {
            return template -> template.getInterceptors().add((request, body, execution) -> {
                if (!request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)
                        && !request.getHeaders().containsKey(ANONYMOUS)) {
                    request.getHeaders().setBearerAuth(credentials.admin());
                }
                request.getHeaders().remove(ANONYMOUS);
                return execution.execute(request, body);
            });
        }
    }

    /** A request header that keeps the default admin token off one request (removed before it is sent). */
    public static final String ANONYMOUS = "X-Test-Anonymous";
}
