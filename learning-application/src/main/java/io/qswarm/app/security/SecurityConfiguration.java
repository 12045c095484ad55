package io.qswarm.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Authentication and authorization of the API: credentials from the store ({@link ApiTokens}), optionally JWTs, and
 * the {@code SecurityFilterChain} built row by row from {@link AccessRules}. Stateless: no HTTP session; a browser's
 * session is a credential in the store, carried by a cookie, with a CSRF token for its writes (docs/security.md).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** The credentials of the store: used by the server, the {@code token} command and its {@code --store} mode. */
    @Bean
    ApiTokens apiTokens(JdbcTemplate jdbc, PlatformTransactionManager transactions, AuthProperties properties) {
        return new ApiTokens(
                jdbc, new TransactionTemplate(transactions), Clock.systemUTC(), properties.tokenCacheTtl());
    }

    /** Also keeps Spring Boot from making a default user with a generated password. */
    @Bean
    AuthenticationProvider credentialProvider(ApiTokens tokens) {
        return new CredentialAuthentication.Provider(tokens);
    }

    /** The CSRF token of cookie-authenticated writes, in the XSRF-TOKEN cookie (double submit, no server state). */
    @Bean
    CookieCsrfTokenRepository csrfTokens() {
        var repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setHeaderName(SecurityProblems.CSRF_HEADER);
        repository.setCookiePath("/");
        repository.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        return repository;
    }

    @Bean
    TableOwners tableOwners(QueryGateway queries) {
        return new TableOwners(queries);
    }

    /** The web side: the filter chain, the problems it answers with, the bind check and the first start. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Web {

        /** Requests the firewall refuses (an encoded slash, a path with {@code ..}) are answered as problems. */
        @Bean
        RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
            return new SecurityProblems(json);
        }

        @Bean
        BindGuard bindGuard(AuthProperties properties) {
            return new BindGuard(properties);
        }

        @Bean
        FirstStart firstStart(ApiTokens tokens, AuthProperties properties) {
            return new FirstStart(tokens, properties);
        }

        @Bean
        SecurityFilterChain apiSecurity(
                HttpSecurity http,
                AuthProperties properties,
                AuthenticationProvider credentialProvider,
                ObjectProvider<JwtDecoder> jwtDecoder,
                ObjectMapper json,
                TableOwners owners,
                CookieCsrfTokenRepository csrfTokens)
                throws Exception {
            http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .requestCache(AbstractHttpConfigurer::disable)
                    .httpBasic(AbstractHttpConfigurer::disable)
                    .formLogin(AbstractHttpConfigurer::disable)
                    .logout(AbstractHttpConfigurer::disable);
            if (!properties.enabled()) {
                return http.csrf(AbstractHttpConfigurer::disable)
                        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                        .build();
            }
            var problems = new SecurityProblems(json);
            var providers = new ArrayList<AuthenticationProvider>(List.of(credentialProvider));
            if (properties.jwt().enabled()) {
                JwtDecoder decoder = jwtDecoder.getIfAvailable();
                if (decoder == null) {
                    throw new IllegalStateException("qswarm.security.jwt.enabled=true needs the identity provider's"
                            + " keys: set spring.security.oauth2.resourceserver.jwt.issuer-uri, .jwk-set-uri or"
                            + " .public-key-location");
                }
                var jwt = new JwtAuthenticationProvider(decoder);
                jwt.setJwtAuthenticationConverter(new JwtCallers(properties.jwt()));
                providers.add(jwt);
            }
            var authentication = new AuthenticationFilter(
                    new ProviderManager(providers),
                    CredentialAuthentication.converter(properties.jwt().enabled()));
            authentication.setSuccessHandler((request, response, caller) -> {});
            authentication.setFailureHandler(new AuthenticationEntryPointFailureHandler(problems));

            return http.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                            .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                            .requireCsrfProtectionMatcher(SecurityConfiguration::writeWithSessionCookie))
                    .addFilterBefore(authentication, AnonymousAuthenticationFilter.class)
                    .exceptionHandling(exceptions ->
                            exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                    .authorizeHttpRequests(requests -> {
                        // SSE and other async answers, and error pages, belong to a request already authorized
                        requests.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                                .permitAll();
                        for (AccessRules.Rule rule : AccessRules.RULES) {
                            if (rule.open()) {
                                requests.requestMatchers(rule.matcher()).permitAll();
                            } else {
                                requests.requestMatchers(rule.matcher()).access(new RuleAuthorization(rule, owners));
                            }
                        }
                        requests.anyRequest().access(new RuleAuthorization(AccessRules.UNLISTED, owners));
                    })
                    .build();
        }
    }

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /**
     * Whether a request needs the CSRF token: a write that a browser could have been tricked into, i.e. one that
     * carries the session cookie and no {@code Authorization} header (a bearer token is never sent by a browser on
     * its own).
     */
    static boolean writeWithSessionCookie(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod())
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && CredentialAuthentication.sessionCookie(request) != null;
    }
}
