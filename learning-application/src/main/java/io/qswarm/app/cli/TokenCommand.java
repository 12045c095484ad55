package io.qswarm.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.qswarm.app.security.ApiTokens;
import io.qswarm.app.security.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ./qswarm token}: API tokens. Against a running server with an admin token ({@code --server},
 * {@code --token}), or, to bootstrap or recover, directly against a store that no server holds ({@code --data DIR} or
 * {@code --store URL}). A token's secret is printed once, when it is made; the store keeps only its SHA-256.
 */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = "Create, list and revoke API tokens (on a server with an admin token, or on a store with --data"
                + " or --store), and get a one-time browser login link.",
        subcommands = {
            TokenCommand.Create.class,
            TokenCommand.ListTokens.class,
            TokenCommand.Revoke.class,
            TokenCommand.LoginLink.class,
            TokenCommand.Whoami.class
        })
public class TokenCommand extends ServerCommandGroup {

    /** Base of the subcommands: the server client of the group, or the store named by {@code --data}/{@code --store}. */
    abstract static class Subcommand extends CommandOutput {

        @ParentCommand
        TokenCommand parent;

        @Mixin
        StoreOptions store;

        /** Runs against the store when {@code --data} or {@code --store} is given, else asks the server. */
        <T> T either(Function<ApiTokens, T> onStore, Function<FederateClient, T> onServer) {
            if (store.given()) {
                try (ConfigurableApplicationContext context = store.open(Path.of("./data"))) {
                    return onStore.apply(context.getBean(ApiTokens.class));
                }
            }
            return onServer.apply(parent.client());
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a token; prints its secret once.")
    static class Create extends Subcommand {

        @Option(names = "--role", required = true, description = "admin, operator, auditor, viewer, agent or peer")
        String role;

        @Option(names = "--name", required = true, description = "what or who the token is for")
        String name;

        @Option(names = "--scope", description = "the agent id of an agent token, the peer id of a peer token")
        String scope;

        @Option(names = "--expires", description = "how long it is valid, e.g. P90D or PT12H (default: until revoked)")
        Duration expires;

        @Override
        public Integer call() {
            Role parsed = Role.of(role);
            String[] created = either(
                    tokens -> {
                        ApiTokens.Issued issued = tokens.create(parsed, name, scope, expires, "cli (store)");
                        return new String[] {issued.credential(), issued.token().id()};
                    },
                    client -> {
                        var body = new LinkedHashMap<String, Object>();
                        body.put("role", parsed.label());
                        body.put("name", name);
                        if (scope != null) {
                            body.put("scope", scope);
                        }
                        if (expires != null) {
                            body.put("expiresIn", expires.toString());
                        }
                        JsonNode answer = client.post("/api/v1/tokens", body);
                        return new String[] {
                            answer.path("token").asText(), answer.path("id").asText()
                        };
                    });
            print("created " + parsed.label() + " token " + created[1] + " '" + name + "'"
                    + (scope == null ? "" : " for " + scope) + "; its secret, shown this once:");
            print(created[0]);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The tokens, newest first; no secrets.")
    static class ListTokens extends Subcommand {

        @Override
        public Integer call() {
            List<String> lines = either(
                    tokens -> tokens.list().stream()
                            .map(token -> line(
                                    token.id(),
                                    token.role().label(),
                                    token.scope(),
                                    token.name(),
                                    token.createdAt(),
                                    token.expiresAt(),
                                    token.revokedAt()))
                            .toList(),
                    client -> {
                        var all = new java.util.ArrayList<String>();
                        for (JsonNode token : client.get("/api/v1/tokens")) {
                            all.add(line(
                                    token.path("id").asText(),
                                    token.path("role").asText(),
                                    token.path("scope").isTextual()
                                            ? token.path("scope").asText()
                                            : null,
                                    token.path("name").asText(),
                                    instant(token.path("createdAt")),
                                    instant(token.path("expiresAt")),
                                    instant(token.path("revokedAt"))));
                        }
                        return all;
                    });
            lines.forEach(this::print);
            return 0;
        }

        private static Instant instant(JsonNode value) {
            return value.isTextual() ? Instant.parse(value.asText()) : null;
        }

        private static String line(
                String id, String role, String scope, String name, Instant created, Instant expires, Instant revoked) {
            String status = revoked != null
                    ? "revoked " + revoked
                    : expires != null && !Instant.now().isBefore(expires)
                            ? "expired " + expires
                            : expires != null ? "active until " + expires : "active";
            return id + "  " + role + (scope == null ? "" : ":" + scope) + "  '" + name + "'  created " + created + "  "
                    + status;
        }
    }

    @Command(
            name = "revoke",
            mixinStandardHelpOptions = true,
            description = "Revoke a token, and every browser session and login link made from it.")
    static class Revoke extends Subcommand {

        @Parameters(index = "0", paramLabel = "ID", description = "the token's id (token list)")
        String id;

        @Override
        public Integer call() {
            boolean known = either(
                    tokens -> tokens.find(id)
                            .filter(token -> token.kind() == ApiTokens.Kind.TOKEN)
                            .flatMap(token -> tokens.revoke(id))
                            .isPresent(),
                    client -> {
                        client.delete("/api/v1/tokens/" + FederateClient.segment(id));
                        return true;
                    });
            if (!known) {
                throw new IllegalArgumentException("no API token '" + id + "' in this store (token list)");
            }
            print("revoked token " + id);
            return 0;
        }
    }

    @Command(
            name = "login-link",
            mixinStandardHelpOptions = true,
            description = "A one-time link that logs a browser in with this token's role (the token stays out of the"
                    + " URL).")
    static class LoginLink extends CommandOutput {

        @ParentCommand
        TokenCommand parent;

        @Override
        public Integer call() {
            JsonNode link = parent.client().post("/api/v1/session/login-codes", new LinkedHashMap<>());
            print(link.path("url").asText());
            print("(one use, valid until " + link.path("expiresAt").asText() + ")");
            return 0;
        }
    }

    @Command(name = "whoami", mixinStandardHelpOptions = true, description = "Who the server takes the token for.")
    static class Whoami extends CommandOutput {

        @ParentCommand
        TokenCommand parent;

        @Override
        public Integer call() {
            JsonNode caller = parent.client().get("/api/v1/session");
            print(caller.path("role").asText()
                    + (caller.path("scope").isTextual()
                            ? ":" + caller.path("scope").asText()
                            : "") + " '"
                    + caller.path("name").asText() + "' (" + caller.path("id").asText() + ")");
            return 0;
        }
    }
}
