package io.qswarm.app.security;

import static io.qswarm.app.security.Role.AGENT;
import static io.qswarm.app.security.Role.AUDITOR;
import static io.qswarm.app.security.Role.OPERATOR;
import static io.qswarm.app.security.Role.PEER;
import static io.qswarm.app.security.Role.VIEWER;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call what: THE table of the API's access rules, one row per method and path pattern, from which the
 * {@code SecurityFilterChain} is built ({@link SecurityConfiguration}) and against which the role matrix test checks
 * every operation of the OpenAPI document. The first row that matches a request decides; a request no row matches is
 * for {@code admin} only, so an endpoint added without a row is closed (and fails the matrix test).
 *
 * <p>{@code admin} passes every row. An {@code agent} passes a row that lists it only within its scope, as the row's
 * {@link AgentScope} says; a {@code peer} only for packets it signed itself ({@link PeerScope}).
 */
public final class AccessRules {

    /** How an agent's scope (its agent id) is enforced on a row that admits agents. */
    public enum AgentScope {
        /** Not admitted. */
        NONE,
        /** Only about the caller's own credential (its session, who it is). */
        SELF,
        /** The table in the path ({@code {tableId}}) must belong to the agent, as the table-summary read model says. */
        OWN_TABLE,
        /**
         * The command carries the agent, and the table refuses another agent's command deterministically (it knows
         * its owner from its first event, so a brand-new table is never refused because a read model lags).
         */
        CHECKED_BY_THE_TABLE
    }

    /** How a peer's scope (its peer id) is enforced on a row that admits peers. */
    public enum PeerScope {
        /** Not admitted. */
        NONE,
        /** Only about the caller's own credential (who it is). */
        SELF,
        /** Reads of what this deployment publishes to every registered peer. */
        ANY_REGISTERED_PEER,
        /** The packet's sender must be the peer of the credential, and its signature that peer's registered key. */
        PACKET_SENDER
    }

    /**
     * One row: a method and a path pattern ({@code {var}} one segment, trailing {@code /**} anything below).
     *
     * @param roles who may call, besides {@code admin}; empty for {@code admin} alone
     * @param open callable without a credential at all
     */
    public record Rule(
            HttpMethod method, String pattern, Set<Role> roles, AgentScope agents, PeerScope peers, boolean open) {

        public Rule {
            roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
            if (roles.contains(AGENT) != (agents != AgentScope.NONE)) {
                throw new IllegalArgumentException(pattern + ": an agent row needs its agent scope, and only it");
            }
            if (roles.contains(PEER) != (peers != PeerScope.NONE)) {
                throw new IllegalArgumentException(pattern + ": a peer row needs its peer scope, and only it");
            }
        }

        /** Whether {@code role} passes the row (within its scope, for agents and peers). */
        public boolean admits(Role role) {
            return role == Role.ADMIN || roles.contains(role);
        }

        /** The roles that pass the row, {@code admin} first: {@code admin, operator}. */
        public String describeRoles() {
            return Stream.concat(Stream.of(Role.ADMIN), roles.stream())
                    .map(Role::label)
                    .collect(Collectors.joining(", "));
        }

        public RequestMatcher matcher() {
            return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
        }

        @Override
        public String toString() {
            return method + " " + pattern + (open ? " open" : " " + describeRoles());
        }
    }

    private static final Set<Role> READERS = EnumSet.of(VIEWER, AUDITOR, OPERATOR);
    private static final Set<Role> ADMIN_ONLY = Set.of();
    /** Every role that a person or an agent holds: the holders of browser sessions. */
    private static final Set<Role> PEOPLE = EnumSet.of(VIEWER, AUDITOR, OPERATOR, AGENT);

    private static final Set<Role> PEOPLE_AND_PEERS = EnumSet.of(VIEWER, AUDITOR, OPERATOR, AGENT, PEER);

    /** Every row, most specific first within a path. */
    public static final List<Rule> RULES = List.of(
            // operations and documents
            open(GET, "/actuator/health"),
            open(GET, "/actuator/health/**"),
            rule(GET, "/actuator/info", READERS),
            rule(GET, "/actuator/metrics", READERS),
            rule(GET, "/actuator/metrics/**", READERS),
            rule(GET, "/actuator/prometheus", READERS),
            open(GET, "/v3/api-docs"),
            open(GET, "/v3/api-docs/**"),
            open(GET, "/swagger-ui.html"),
            open(GET, "/swagger-ui/**"),

            // credentials and sessions
            open(GET, "/login"),
            rule(GET, "/api/v1/tokens", ADMIN_ONLY),
            rule(POST, "/api/v1/tokens", ADMIN_ONLY),
            rule(GET, "/api/v1/tokens/{tokenId}", ADMIN_ONLY),
            rule(DELETE, "/api/v1/tokens/{tokenId}", ADMIN_ONLY),
            new Rule(GET, "/api/v1/session", PEOPLE_AND_PEERS, AgentScope.SELF, PeerScope.SELF, false),
            rule(POST, "/api/v1/session", PEOPLE, AgentScope.SELF),
            rule(DELETE, "/api/v1/session", PEOPLE, AgentScope.SELF),
            rule(POST, "/api/v1/session/login-codes", PEOPLE, AgentScope.SELF),

            // tables: an agent creates and records into its own (the table checks), reads its own (read model)
            rule(POST, "/api/v1/tables", EnumSet.of(OPERATOR, AGENT), AgentScope.CHECKED_BY_THE_TABLE),
            rule(
                    POST,
                    "/api/v1/tables/{tableId}/experiences",
                    EnumSet.of(OPERATOR, AGENT),
                    AgentScope.CHECKED_BY_THE_TABLE),
            rule(POST, "/api/v1/tables/{tableId}/merges", EnumSet.of(OPERATOR)),
            rule(GET, "/api/v1/tables", READERS),
            rule(GET, "/api/v1/tables/{tableId}/export", EnumSet.of(AUDITOR, OPERATOR)),
            rule(GET, "/api/v1/tables/{tableId}/as-of", EnumSet.of(AUDITOR)),
            rule(GET, "/api/v1/tables/{tableId}/proofs", EnumSet.of(AUDITOR)),
            rule(GET, "/api/v1/tables/{tableId}", with(READERS, AGENT), AgentScope.OWN_TABLE),
            rule(GET, "/api/v1/tables/{tableId}/**", with(READERS, AGENT), AgentScope.OWN_TABLE),
            rule(POST, "/api/v1/audits", EnumSet.of(AUDITOR)),

            // read models
            rule(GET, "/api/v1/projections", READERS),
            rule(GET, "/api/v1/projections/**", READERS),
            rule(POST, "/api/v1/projections/{name}/rebuild", EnumSet.of(OPERATOR)),
            rule(POST, "/api/v1/projections/{name}/dead-letters/retry", EnumSet.of(OPERATOR)),

            // swarms and rounds
            rule(GET, "/api/v1/swarms", READERS),
            rule(GET, "/api/v1/swarms/**", READERS),
            rule(POST, "/api/v1/swarms", EnumSet.of(OPERATOR)),
            rule(POST, "/api/v1/swarms/**", EnumSet.of(OPERATOR)),
            rule(DELETE, "/api/v1/swarms/**", EnumSet.of(OPERATOR)),

            // federation: the registry is the operator's; packets come from peers, each in its own name
            peerRule(GET, "/api/v1/federation/identity", READERS, PeerScope.ANY_REGISTERED_PEER),
            rule(GET, "/api/v1/federation/status", READERS),
            rule(GET, "/api/v1/federation/peers", READERS),
            rule(GET, "/api/v1/federation/peers/{peerId}", READERS),
            rule(GET, "/api/v1/federation/peers/{peerId}/rotations", EnumSet.of(AUDITOR, OPERATOR)),
            rule(POST, "/api/v1/federation/peers", EnumSet.of(OPERATOR)),
            rule(PUT, "/api/v1/federation/peers/{peerId}", EnumSet.of(OPERATOR)),
            rule(DELETE, "/api/v1/federation/peers/{peerId}", EnumSet.of(OPERATOR)),
            rule(GET, "/api/v1/federation/remote-tables", READERS),
            rule(DELETE, "/api/v1/federation/remote-tables/{tableId}", EnumSet.of(OPERATOR)),
            peerRule(POST, "/api/v1/federation/knowledge-requests", ADMIN_ONLY, PeerScope.PACKET_SENDER),
            peerRule(POST, "/api/v1/federation/contributions", ADMIN_ONLY, PeerScope.PACKET_SENDER),
            peerRule(POST, "/api/v1/federation/merges", ADMIN_ONLY, PeerScope.PACKET_SENDER),

            // snapshots: published files are read by peers
            rule(POST, "/api/v1/snapshots/fetch", EnumSet.of(OPERATOR)),
            rule(POST, "/api/v1/snapshots/{table}", EnumSet.of(OPERATOR)),
            rule(GET, "/api/v1/snapshots/{table}", READERS),
            peerRule(GET, "/api/v1/snapshots/{table}/manifest.jsonl", READERS, PeerScope.ANY_REGISTERED_PEER),
            peerRule(GET, "/api/v1/snapshots/{table}/{version}", READERS, PeerScope.ANY_REGISTERED_PEER),
            peerRule(GET, "/api/v1/snapshots/{table}/{version}/signature", READERS, PeerScope.ANY_REGISTERED_PEER),

            // bandit policies
            rule(POST, "/api/v1/bandits", EnumSet.of(OPERATOR)),
            rule(GET, "/api/v1/bandits/{policyId}", READERS),
            rule(GET, "/api/v1/bandits/{policyId}/posterior", READERS),
            rule(POST, "/api/v1/bandits/{policyId}/evaluations", EnumSet.of(AUDITOR, OPERATOR)),
            rule(POST, "/api/v1/bandits/{policyId}/**", EnumSet.of(OPERATOR)));

    /** The row of every request that no row of {@link #RULES} matches: {@code admin} only. */
    public static final Rule UNLISTED = new Rule(null, "/**", ADMIN_ONLY, AgentScope.NONE, PeerScope.NONE, false);

    private AccessRules() {}

    /** The row that decides {@code request}, or empty: then only {@code admin} may call. */
    public static Optional<Rule> ruleFor(HttpServletRequest request) {
        return RULES.stream().filter(rule -> rule.matcher().matches(request)).findFirst();
    }

    /**
     * The row that decides a call of {@code method} on {@code path}, a path of the OpenAPI document whose variables
     * ({@code {tableId}}) stand for any one segment; empty when no row matches.
     */
    public static Optional<Rule> ruleFor(HttpMethod method, String path) {
        PathContainer concrete = PathContainer.parsePath(path.replaceAll("\\{[^}/]+}", "x"));
        return RULES.stream()
                .filter(rule -> rule.method() == null || rule.method().equals(method))
                .filter(rule ->
                        PathPatternParser.defaultInstance.parse(rule.pattern()).matches(concrete))
                .findFirst();
    }

    private static Rule open(HttpMethod method, String pattern) {
        return new Rule(method, pattern, Set.of(), AgentScope.NONE, PeerScope.NONE, true);
    }

    private static Rule rule(HttpMethod method, String pattern, Set<Role> roles) {
        return new Rule(method, pattern, roles, AgentScope.NONE, PeerScope.NONE, false);
    }

    private static Rule rule(HttpMethod method, String pattern, Set<Role> roles, AgentScope agents) {
        return new Rule(method, pattern, roles, agents, PeerScope.NONE, false);
    }

    private static Rule peerRule(HttpMethod method, String pattern, Set<Role> roles, PeerScope peers) {
        return new Rule(method, pattern, with(roles, PEER), AgentScope.NONE, peers, false);
    }

    private static Set<Role> with(Set<Role> roles, Role role) {
        EnumSet<Role> all = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        all.add(role);
        return all;
    }
}
