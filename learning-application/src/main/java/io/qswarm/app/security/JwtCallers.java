package io.qswarm.app.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The caller a verified JWT stands for: its subject, the strongest QSwarm role named in the roles claim (a list, or a
 * space- or comma-separated string), and for an agent or peer its scope claim. A JWT without a QSwarm role, or an
 * agent or peer JWT without a scope, is refused (401).
 */
final class JwtCallers implements Converter<Jwt, AbstractAuthenticationToken> {

    private final AuthProperties.Jwt settings;

    JwtCallers(AuthProperties.Jwt settings) {
        this.settings = settings;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Role role = strongest(names(jwt.getClaim(settings.rolesClaim())))
                .orElseThrow(() -> new BadCredentialsException("the JWT names no QSwarm role (" + Role.labels()
                        + ") in its claim '" + settings.rolesClaim() + "'"));
        String scope = role.scoped() ? jwt.getClaimAsString(settings.scopeClaim()) : null;
        if (role.scoped()) {
            try {
                ApiTokens.requireScope(role, scope);
            } catch (IllegalArgumentException e) {
                throw new BadCredentialsException("the JWT's claim '" + settings.scopeClaim() + "' must name the "
                        + role.label() + ": " + e.getMessage());
            }
        }
        String subject = jwt.getSubject() == null ? "jwt" : jwt.getSubject();
        return new Caller.Authenticated(new Caller(subject, subject, role, scope, Caller.Via.JWT));
    }

    private static List<String> names(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String text) {
            return Arrays.asList(text.split("[\\s,]+"));
        }
        return List.of();
    }

    /** The first role in {@link Role}'s order (admin first) that the names hold. */
    private static Optional<Role> strongest(List<String> names) {
        return Arrays.stream(Role.values())
                .filter(role -> names.stream().anyMatch(name -> name.equalsIgnoreCase(role.label())))
                .findFirst();
    }
}
