package io.qswarm.app.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Authentication settings ({@code qswarm.security.*}); every one has a default.
 *
 * @param enabled whether requests must authenticate (default true). Off only for an experiment on this machine: a
 *     server without authentication refuses to bind to a non-loopback address unless {@code insecureForce}
 * @param insecureForce start without authentication on a non-loopback address all the same (default false)
 * @param tokenCacheTtl how long a verified credential is remembered before the store is asked again (default 5 s; 0:
 *     every request asks); a revocation on another node of a cluster takes effect within it
 * @param sessionTtl how long a browser session lasts (default 12 h)
 * @param loginCodeTtl how long a one-time login code can be used (default 15 min)
 * @param loginLanding where {@code /login?code=} sends the browser once it has its session (default the API's pages)
 * @param jwt the optional JWTs of an organisation's identity provider
 */
@ConfigurationProperties("qswarm.security")
public record AuthProperties(
        Boolean enabled,
        Boolean insecureForce,
        Duration tokenCacheTtl,
        Duration sessionTtl,
        Duration loginCodeTtl,
        String loginLanding,
        Jwt jwt) {

    public AuthProperties {
        enabled = enabled == null || enabled;
        insecureForce = insecureForce != null && insecureForce;
        tokenCacheTtl = tokenCacheTtl == null ? Duration.ofSeconds(5) : tokenCacheTtl;
        sessionTtl = sessionTtl == null ? Duration.ofHours(12) : sessionTtl;
        loginCodeTtl = loginCodeTtl == null ? Duration.ofMinutes(15) : loginCodeTtl;
        loginLanding = loginLanding == null || loginLanding.isBlank() ? "/swagger-ui.html" : loginLanding;
        if (!loginLanding.startsWith("/") || loginLanding.startsWith("//")) {
            throw new IllegalArgumentException(
                    "qswarm.security.login-landing must be a path of this server (/...), was " + loginLanding);
        }
        jwt = jwt == null ? new Jwt(null, null, null) : jwt;
        positive("token-cache-ttl", tokenCacheTtl, true);
        positive("session-ttl", sessionTtl, false);
        positive("login-code-ttl", loginCodeTtl, false);
    }

    /**
     * JWT bearer tokens, verified by Spring's resource server ({@code spring.security.oauth2.resourceserver.jwt.*}:
     * {@code issuer-uri}, {@code jwk-set-uri} or {@code public-key-location}).
     *
     * @param enabled accept JWTs besides API tokens (default false)
     * @param rolesClaim the claim holding the QSwarm role names (a list or a space-separated string; default
     *     {@code roles}); the strongest role named wins
     * @param scopeClaim the claim holding the agent or peer id of an agent or peer (default {@code qswarm_scope})
     */
    public record Jwt(Boolean enabled, String rolesClaim, String scopeClaim) {

        public Jwt {
            enabled = enabled != null && enabled;
            rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
            scopeClaim = scopeClaim == null || scopeClaim.isBlank() ? "qswarm_scope" : scopeClaim;
        }
    }

    private static void positive(String name, Duration value, boolean zeroAllowed) {
        if (value.isNegative() || (!zeroAllowed && value.isZero())) {
            throw new IllegalArgumentException("qswarm.security." + name + " must be "
                    + (zeroAllowed ? "0 or more" : "positive") + ", was " + value);
        }
    }
}
