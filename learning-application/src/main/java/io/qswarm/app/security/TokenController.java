package io.qswarm.app.security;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** API tokens over REST, for an admin: create (the secret is in the answer, once), list, show, revoke. */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "tokens", description = "API tokens: created, listed and revoked by an admin (docs/security.md)")
class TokenController {

    private static final Logger log = LoggerFactory.getLogger(TokenController.class);

    private final ApiTokens tokens;

    TokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /**
     * @param role admin, operator, auditor, viewer, agent or peer
     * @param name what or who the token is for
     * @param scope the agent id of an agent token, the peer id of a peer token; nothing for other roles
     * @param expiresIn how long the token is valid (ISO-8601, e.g. {@code P90D}); absent: until revoked
     */
    record CreateToken(String role, String name, String scope, Duration expiresIn) {}

    /** A token as listed: never its secret. */
    record TokenView(
            String id,
            String name,
            String role,
            String scope,
            Instant createdAt,
            String createdBy,
            Instant expiresAt,
            Instant revokedAt,
            boolean active) {

        static TokenView of(ApiTokens.Token token) {
            return new TokenView(
                    token.id(),
                    token.name(),
                    token.role().label(),
                    token.scope(),
                    token.createdAt(),
                    token.createdBy(),
                    token.expiresAt(),
                    token.revokedAt(),
                    token.validAt(Instant.now()));
        }
    }

    /** A new token: {@code token} is the secret credential, shown in this answer only. */
    record CreatedToken(String token, @JsonUnwrapped TokenView details) {}

    @GetMapping
    @Operation(summary = "The API tokens, newest first (revoked ones too); never their secrets")
    List<TokenView> list() {
        return tokens.list().stream().map(TokenView::of).toList();
    }

    @PostMapping
    @Operation(
            summary = "Create an API token",
            description = "The answer's `token` is the credential (`Authorization: Bearer <token>`); it is shown"
                    + " once and only its SHA-256 is stored.",
            responses = {
                @ApiResponse(responseCode = "201", description = "created; the secret is in `token`"),
                @ApiResponse(responseCode = "400", description = "invalid-argument: unknown role, missing scope")
            })
    ResponseEntity<CreatedToken> create(@RequestBody CreateToken request) {
        ApiTokens.Issued issued = tokens.create(
                Role.of(request.role()),
                request.name(),
                request.scope(),
                request.expiresIn(),
                Caller.current().map(Caller::describe).orElse("anonymous"));
        log.info(
                "token {} ({} '{}') created by {}",
                issued.token().id(),
                issued.token().role().label(),
                issued.token().name(),
                issued.token().createdBy());
        return ResponseEntity.created(
                        URI.create("/api/v1/tokens/" + issued.token().id()))
                .body(new CreatedToken(issued.credential(), TokenView.of(issued.token())));
    }

    @GetMapping("/{tokenId}")
    @Operation(summary = "One API token", responses = @ApiResponse(responseCode = "404", description = "unknown-token"))
    TokenView one(@PathVariable String tokenId) {
        return TokenView.of(token(tokenId));
    }

    @DeleteMapping("/{tokenId}")
    @Operation(
            summary = "Revoke an API token",
            description = "Also ends every browser session and login code made from it. Revoking twice is harmless.",
            responses = @ApiResponse(responseCode = "404", description = "unknown-token"))
    TokenView revoke(@PathVariable String tokenId) {
        token(tokenId);
        log.info(
                "token {} revoked by {}",
                tokenId,
                Caller.current().map(Caller::describe).orElse("anonymous"));
        return TokenView.of(tokens.revoke(tokenId).orElseThrow());
    }

    private ApiTokens.Token token(String id) {
        return tokens.find(id)
                .filter(token -> token.kind() == ApiTokens.Kind.TOKEN)
                .orElseThrow(() -> new SecurityAdvice.UnknownTokenException(id));
    }
}
