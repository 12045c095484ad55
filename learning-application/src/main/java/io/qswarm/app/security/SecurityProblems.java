package io.qswarm.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qswarm.app.api.ApiErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The answers of the security layer, as RFC 9457 problems like every other refusal: 401
 * {@code urn:qswarm:problem:unauthorized} (no credential, or one that is unknown, revoked or expired), 403
 * {@code urn:qswarm:problem:forbidden} (a role or scope that does not pass the endpoint's rule, or a cookie write
 * without its CSRF token), 400 {@code urn:qswarm:problem:rejected-request} (a request the firewall refuses).
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    static final String CSRF_HEADER = "X-XSRF-TOKEN";

    private final ObjectMapper json;

    SecurityProblems(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException authException)
            throws IOException {
        boolean presented = request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || CredentialAuthentication.sessionCookie(request) != null;
        String detail = presented
                ? authException.getMessage()
                : "this endpoint needs a credential: send 'Authorization: Bearer <token>' (./qswarm token create,"
                        + " or the admin token shown at the first start), or log in for a session cookie";
        response.setHeader(
                HttpHeaders.WWW_AUTHENTICATE,
                presented ? "Bearer realm=\"qswarm\", error=\"invalid_token\"" : "Bearer realm=\"qswarm\"");
        write(response, ApiErrors.problem(HttpStatus.UNAUTHORIZED, "unauthorized", detail));
    }

    @Override
    public void handle(
            HttpServletRequest request, HttpServletResponse response, AccessDeniedException accessDeniedException)
            throws IOException {
        write(response, ApiErrors.problem(HttpStatus.FORBIDDEN, "forbidden", reason(request, accessDeniedException)));
    }

    @Override
    public void handle(
            HttpServletRequest request, HttpServletResponse response, RequestRejectedException requestRejectedException)
            throws IOException {
        write(
                response,
                ApiErrors.problem(
                        HttpStatus.BAD_REQUEST,
                        "rejected-request",
                        "the request was refused before it reached the API: " + requestRejectedException.getMessage()));
    }

    private static String reason(HttpServletRequest request, AccessDeniedException denied) {
        if (denied instanceof CsrfException) {
            return "a write authenticated by the session cookie needs the CSRF token: send the value of the"
                    + " XSRF-TOKEN cookie in the " + CSRF_HEADER + " header";
        }
        if (denied instanceof AuthorizationDeniedException authorization
                && authorization.getAuthorizationResult() instanceof RuleAuthorization.Refusal refusal) {
            return refusal.reason();
        }
        return Caller.current()
                .map(caller -> "the role " + caller.role().label() + " may not " + request.getMethod() + " "
                        + request.getRequestURI())
                .orElse("access denied to " + request.getMethod() + " " + request.getRequestURI());
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
