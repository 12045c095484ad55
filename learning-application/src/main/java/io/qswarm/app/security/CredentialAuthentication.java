package io.qswarm.app.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * How a request proves who it is: an API token in {@code Authorization: Bearer qsw_...}, or a browser session in the
 * {@value #SESSION_COOKIE} cookie; with JWTs enabled, any other bearer token is handed to the JWT decoder. A request
 * with neither is anonymous, and every endpoint but the open ones answers it 401.
 */
final class CredentialAuthentication {

    static final String SESSION_COOKIE = "QSWARM_SESSION";

    private CredentialAuthentication() {}

    /** A credential as it arrived, not yet verified. */
    static final class Presented extends AbstractAuthenticationToken {

        private final String text;
        private final ApiTokens.Kind kind;

        Presented(String text, ApiTokens.Kind kind) {
            super(List.of());
            this.text = text;
            this.kind = kind;
        }

        @Override
        public Object getCredentials() {
            return text;
        }

        @Override
        public Object getPrincipal() {
            return Credential.parse(text).map(Credential::id).orElse("?");
        }
    }

    /** Reads the credential of a request: a bearer token, else the session cookie, else none (anonymous). */
    static AuthenticationConverter converter(boolean jwtEnabled) {
        return request -> {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header != null) {
                String token = bearer(header);
                if (!Credential.looksLikeOne(token) && jwtEnabled) {
                    return new BearerTokenAuthenticationToken(token);
                }
                return new Presented(token, ApiTokens.Kind.TOKEN);
            }
            String session = sessionCookie(request);
            return session == null ? null : new Presented(session, ApiTokens.Kind.SESSION);
        };
    }

    /** The value of the session cookie, or null. */
    static String sessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (SESSION_COOKIE.equals(cookie.getName())
                        && !cookie.getValue().isEmpty()) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    private static String bearer(String header) {
        int space = header.indexOf(' ');
        if (space < 0 || !header.substring(0, space).equalsIgnoreCase("Bearer")) {
            throw new BadCredentialsException("only bearer tokens are accepted: send 'Authorization: Bearer <token>'");
        }
        String token = header.substring(space + 1).trim();
        if (token.isEmpty()) {
            throw new BadCredentialsException("the Authorization header carries no token");
        }
        return token;
    }

    /** Verifies presented tokens and sessions against the store. */
    static final class Provider implements AuthenticationProvider {

        private final ApiTokens tokens;

        Provider(ApiTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Authentication authenticate(Authentication authentication) throws AuthenticationException {
            Presented presented = (Presented) authentication;
            ApiTokens.Token token = tokens.verify(presented.text, presented.kind)
                    .orElseThrow(() -> new BadCredentialsException(
                            presented.kind == ApiTokens.Kind.SESSION
                                    ? "the session has ended (expired, logged out, or its token revoked); log in again"
                                    : "the token is unknown, revoked or expired"));
            Caller.Via via = token.kind() == ApiTokens.Kind.SESSION ? Caller.Via.SESSION : Caller.Via.TOKEN;
            return new Caller.Authenticated(new Caller(token.id(), token.name(), token.role(), token.scope(), via));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return Presented.class.isAssignableFrom(authentication);
        }
    }
}
