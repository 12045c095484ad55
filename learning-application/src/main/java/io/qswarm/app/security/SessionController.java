package io.qswarm.app.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Browser sessions, for the dashboard (whose {@code EventSource} cannot send an {@code Authorization} header): a token
 * or a one-time login code is exchanged for the {@value CredentialAuthentication#SESSION_COOKIE} cookie
 * ({@code HttpOnly}, {@code SameSite=Strict}, {@code Secure} under TLS) and a CSRF token, which every write made with
 * the cookie sends back in the {@code X-XSRF-TOKEN} header. The session is a credential in the store, so any node of a
 * cluster accepts it and logging out ends it everywhere.
 */
@RestController
@Tag(name = "session", description = "Who is calling, and browser sessions made from a token (docs/security.md)")
class SessionController {

    private final ApiTokens tokens;
    private final AuthProperties properties;
    private final CookieCsrfTokenRepository csrfTokens;

    SessionController(ApiTokens tokens, AuthProperties properties, CookieCsrfTokenRepository csrfTokens) {
        this.tokens = tokens;
        this.properties = properties;
        this.csrfTokens = csrfTokens;
    }

    /** Who the credential of the request is. */
    record Whoami(String id, String name, String role, String scope, String via) {}

    /**
     * A session just made: its cookie is set; {@code csrfToken} (also in the {@code XSRF-TOKEN} cookie) goes into the
     * {@code X-XSRF-TOKEN} header of every write made with the cookie.
     */
    record SessionStarted(String role, String scope, Instant expiresAt, String csrfHeader, String csrfToken) {}

    /** A one-time login link for a browser: single use, valid until {@code expiresAt}. */
    record LoginLink(String url, Instant expiresAt) {}

    @GetMapping("/api/v1/session")
    @Operation(summary = "Who the request's credential is: its id, name, role, scope and how it arrived")
    Whoami whoami() {
        Caller caller = Caller.current().orElseThrow();
        return new Whoami(
                caller.id(),
                caller.name(),
                caller.role().label(),
                caller.scope(),
                caller.via().name().toLowerCase(java.util.Locale.ROOT));
    }

    @PostMapping("/api/v1/session")
    @Operation(
            summary = "Exchange the request's API token for a browser session cookie",
            description = "Sets the session cookie and the XSRF-TOKEN cookie. Made from an API token only (a JWT"
                    + " client sends its JWT on every request).",
            responses = @ApiResponse(responseCode = "400", description = "invalid-argument: not an API token"))
    ResponseEntity<SessionStarted> start(HttpServletRequest request, HttpServletResponse response) {
        Caller caller = Caller.current().orElseThrow();
        if (caller.via() != Caller.Via.TOKEN) {
            throw new IllegalArgumentException("a session is made from an API token (Authorization: Bearer qsw_...),"
                    + " not from a " + caller.via().name().toLowerCase(java.util.Locale.ROOT));
        }
        ApiTokens.Token token = tokens.find(caller.id()).orElseThrow();
        return ResponseEntity.ok(open(tokens.session(token, properties.sessionTtl()), request, response));
    }

    @DeleteMapping("/api/v1/session")
    @Operation(
            summary = "Log out: end the session of the cookie and clear the cookies",
            description = "With the cookie, a write like any other: it needs the X-XSRF-TOKEN header.",
            responses = @ApiResponse(responseCode = "204", description = "logged out"))
    ResponseEntity<Void> end(HttpServletRequest request) {
        Caller.current()
                .filter(caller -> caller.via() == Caller.Via.SESSION)
                .ifPresent(caller -> tokens.revoke(caller.id()));
        return ResponseEntity.noContent()
                .header(
                        HttpHeaders.SET_COOKIE,
                        cookie(request, Duration.ZERO, "").toString())
                .header(
                        HttpHeaders.SET_COOKIE,
                        csrfCookie(request, Duration.ZERO, "").toString())
                .build();
    }

    @PostMapping("/api/v1/session/login-codes")
    @Operation(
            summary = "A one-time browser login link for the holder of the request's credential",
            description = "Opening the link in a browser gives it a session with the credential's role; the long-lived"
                    + " token itself never goes into a URL.")
    LoginLink loginCode() {
        Caller caller = Caller.current().orElseThrow();
        if (caller.via() == Caller.Via.JWT) {
            throw new IllegalArgumentException("login links are made for API tokens; a JWT client sends its JWT");
        }
        ApiTokens.Issued code = tokens.loginCode(tokens.find(caller.id()).orElseThrow(), properties.loginCodeTtl());
        String url = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/login")
                .queryParam("code", code.credential())
                .toUriString();
        return new LoginLink(url, code.token().expiresAt());
    }

    @GetMapping("/login")
    @Operation(
            summary = "Open a one-time login link: exchanges the code for a session cookie, then goes to the pages",
            responses = {
                @ApiResponse(responseCode = "303", description = "logged in; to qswarm.security.login-landing"),
                @ApiResponse(responseCode = "401", description = "unauthorized: unknown, used or expired code")
            })
    ResponseEntity<Void> login(
            @Parameter(description = "the one-time code (qsl_...)") @RequestParam(required = false) String code,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("code is required: open the login link as it was given");
        }
        ApiTokens.Issued session = tokens.redeem(code, properties.sessionTtl())
                .orElseThrow(() -> new SecurityAdvice.CredentialRefusedException(
                        "the login code is unknown, already used or expired; ask for a new link:"
                                + " ./qswarm token login-link"));
        open(session, request, response);
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create(properties.loginLanding()))
                .build();
    }

    private SessionStarted open(ApiTokens.Issued session, HttpServletRequest request, HttpServletResponse response) {
        Duration lifetime = Duration.between(Instant.now(), session.token().expiresAt());
        response.addHeader(
                HttpHeaders.SET_COOKIE,
                cookie(request, lifetime, session.credential()).toString());
        CsrfToken csrf = csrfTokens.generateToken(request);
        csrfTokens.saveToken(csrf, request, response);
        ApiTokens.Token token = session.token();
        return new SessionStarted(
                token.role().label(), token.scope(), token.expiresAt(), csrf.getHeaderName(), csrf.getToken());
    }

    private static ResponseCookie cookie(HttpServletRequest request, Duration maxAge, String value) {
        return ResponseCookie.from(CredentialAuthentication.SESSION_COOKIE, value)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Strict")
                .path("/")
                .maxAge(maxAge)
                .build();
    }

    private static ResponseCookie csrfCookie(HttpServletRequest request, Duration maxAge, String value) {
        return ResponseCookie.from("XSRF-TOKEN", value)
                .secure(request.isSecure())
                .sameSite("Strict")
                .path("/")
                .maxAge(maxAge)
                .build();
    }
}
