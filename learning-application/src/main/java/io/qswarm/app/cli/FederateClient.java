package io.qswarm.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The HTTP client of the commands that talk to a running server ({@code federate}, {@code bandit}, {@code token}):
 * rounds, sagas, deadlines and bandit policies live in the server, so the CLI asks it rather than opening the store.
 * Every request carries the API token ({@code --token} or {@code $QSWARM_TOKEN}). A refusal comes back as an RFC 9457
 * problem and becomes one line: its detail and code; a refused token says so.
 */
final class FederateClient {

    private final URI server;
    private final String token;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    /** @param token the API token sent as {@code Authorization: Bearer}, or null to send none */
    FederateClient(URI server, String token) {
        String scheme = server.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || server.getHost() == null) {
            throw new IllegalArgumentException("--server must be an http(s) URL, was '" + server + "'");
        }
        if (token != null && (token.isBlank() || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            throw new IllegalArgumentException(
                    "--token (or $QSWARM_TOKEN) must be a token as it was given, without" + " spaces or line breaks");
        }
        this.server = server;
        this.token = token == null || token.isBlank() ? null : token;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    JsonNode post(String path, Object body) {
        return send("POST", path, body);
    }

    JsonNode delete(String path) {
        return send("DELETE", path, null);
    }

    JsonNode put(String path, Object body) {
        return send("PUT", path, body);
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Posts {@code body} as it is, of {@code contentType} (a log file, for instance). */
    JsonNode post(String path, byte[] body, String contentType) {
        return send("POST", path, HttpRequest.BodyPublishers.ofByteArray(body), contentType);
    }

    private JsonNode send(String method, String path, Object body) {
        HttpRequest.BodyPublisher publisher;
        try {
            publisher = body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the request: " + e.getMessage(), e);
        }
        return send(method, path, publisher, "application/json");
    }

    private JsonNode send(String method, String path, HttpRequest.BodyPublisher publisher, String contentType) {
        URI uri = URI.create(server.toString().replaceAll("/+$", "") + path);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .header("Accept", "application/json, application/problem+json")
                .method(method, publisher);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = builder.build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new IllegalStateException(
                    "no QSwarm server answers at " + server + " (start one with ./qswarm serve, or pass --server URL)");
        } catch (HttpTimeoutException e) {
            throw new IllegalStateException("the server at " + server + " did not answer in time");
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + server + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new IllegalStateException(refusedToken(response.statusCode(), answer, response.body()));
        }
        if (response.statusCode() >= 400) {
            throw new IllegalStateException(problem(response.statusCode(), answer, response.body()));
        }
        return answer;
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return json.nullNode();
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return json.getNodeFactory().textNode(body);
        }
    }

    private String refusedToken(int status, JsonNode answer, String body) {
        String reason = problem(status, answer, body);
        if (token == null && status == 401) {
            return "the server at " + server + " needs a token: pass --token TOKEN or set QSWARM_TOKEN (" + reason
                    + ")";
        }
        return "the server refused the token: " + reason;
    }

    private static String problem(int status, JsonNode answer, String body) {
        if (answer != null && answer.hasNonNull("detail")) {
            String code = answer.path("code").asText("");
            return answer.get("detail").asText() + (code.isEmpty() ? "" : " (" + code + ")");
        }
        return "the server answered " + status + (body == null || body.isBlank() ? "" : ": " + body);
    }
}
