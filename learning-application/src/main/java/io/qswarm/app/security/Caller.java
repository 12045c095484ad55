package io.qswarm.app.security;

import io.qswarm.intelligence.api.AgentId;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling: the credential's id and name, its role and scope, and how it arrived.
 *
 * @param id the id of the credential presented (a token's, a session's), or a JWT's subject
 * @param name the token's name, or a JWT's subject
 * @param scope the agent id of an agent, the peer id of a peer; null for other roles
 */
public record Caller(String id, String name, Role role, String scope, Via via) {

    /** How the credential arrived. */
    public enum Via {
        TOKEN,
        SESSION,
        JWT
    }

    /** The caller of the current request, if it authenticated. */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof Authenticated authenticated && authenticated.isAuthenticated()) {
            return Optional.of(authenticated.caller());
        }
        return Optional.empty();
    }

    /**
     * The agent a command acts for: the scope of an {@code agent} caller, which the table checks against its owner;
     * {@code null} for every other caller (and without authentication), which may act on any table.
     */
    public static AgentId actingAgent() {
        return current()
                .filter(caller -> caller.role() == Role.AGENT)
                .map(caller -> AgentId.of(caller.scope()))
                .orElse(null);
    }

    /**
     * Refuses a packet that a {@code peer} caller sends in another peer's name: the credential and the signature must
     * be of the same deployment. Other callers (admin) pass; the signature is checked on its own all the same.
     */
    public static void requireSender(String sender) {
        current()
                .filter(caller -> caller.role() == Role.PEER && !caller.scope().equals(sender))
                .ifPresent(caller -> {
                    throw new CallerRefusedException("the credential belongs to peer '" + caller.scope()
                            + "' but the packet is sent in the name of '" + sender
                            + "': a deployment sends only its own packets");
                });
    }

    /** Who did something, for logs and the {@code created_by} of tokens: {@code operator 'ci' (k3v7q2mxa4hd)}. */
    public String describe() {
        return role.label() + " '" + name + "' (" + id + ")";
    }

    /** The authentication of a verified caller. */
    public static final class Authenticated extends AbstractAuthenticationToken {

        private final Caller caller;

        public Authenticated(Caller caller) {
            super(List.of(new SimpleGrantedAuthority(caller.role().authority())));
            this.caller = caller;
            setAuthenticated(true);
        }

        public Caller caller() {
            return caller;
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return caller;
        }

        @Override
        public String getName() {
            return caller.name();
        }
    }
}
