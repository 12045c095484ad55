package io.qswarm.app.security;

import io.qswarm.intelligence.api.AgentId;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Decides one row of {@link AccessRules} for a request: the caller's role must pass the row, and an agent must stay
 * within its scope where the row says it is checked here ({@link AccessRules.AgentScope#OWN_TABLE}). A refusal
 * carries its reason, which becomes the detail of the 403 problem.
 */
final class RuleAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

    /** A refusal with the reason a person can act on. */
    static final class Refusal extends AuthorizationDecision {

        private final String reason;

        Refusal(String reason) {
            super(false);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);
    private static final AuthorizationDecision ANONYMOUS = new AuthorizationDecision(false);

    private final AccessRules.Rule rule;
    private final TableOwners owners;

    RuleAuthorization(AccessRules.Rule rule, TableOwners owners) {
        this.rule = rule;
        this.owners = owners;
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        if (!(authentication.get() instanceof Caller.Authenticated authenticated)) {
            return ANONYMOUS;
        }
        Caller caller = authenticated.caller();
        if (!rule.admits(caller.role())) {
            return new Refusal(refusal(caller, context));
        }
        if (caller.role() == Role.AGENT && rule.agents() == AccessRules.AgentScope.OWN_TABLE) {
            String table = context.getVariables().get("tableId");
            Optional<AgentId> owner = owners.ownerOf(table);
            if (owner.isEmpty() || !owner.get().value().equals(caller.scope())) {
                return new Refusal("agent '" + caller.scope() + "' reads only its own tables, and table '" + table
                        + "' is not known as one of them"
                        + (owner.isEmpty() ? " (a table just created shows up within moments)" : ""));
            }
        }
        return GRANTED;
    }

    private String refusal(Caller caller, RequestAuthorizationContext context) {
        return "the role " + caller.role().label() + " may not "
                + context.getRequest().getMethod() + " " + rule.pattern() + "; it needs " + rule.describeRoles();
    }
}
