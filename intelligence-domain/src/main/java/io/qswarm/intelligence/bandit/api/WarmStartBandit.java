package io.qswarm.intelligence.bandit.api;

import io.qswarm.intelligence.api.Checks;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Warms the policy up from logged interactions (offline data, e.g. a JSONL or CSV import): every tuple updates the
 * posterior of its action exactly as an observed reward would. Large logs arrive in several commands.
 *
 * @param importId idempotency key: a second import with the same id is a no-op
 * @param origin whose experience the log is: its statistics are kept under this origin, so two policies warmed
 *     from the same log do not count it twice when they merge; {@code null} means the policy itself
 */
public record WarmStartBandit(
        @TargetAggregateIdentifier BanditPolicyId policyId,
        String importId,
        String origin,
        List<LoggedInteraction> interactions) {

    public static final int MAX_INTERACTIONS = 100_000;

    public WarmStartBandit {
        Checks.required("policyId", policyId);
        Checks.text("importId", importId, 128);
        if (origin != null) {
            Checks.identifier("origin", origin);
        }
        Checks.required("interactions", interactions);
        if (interactions.isEmpty() || interactions.size() > MAX_INTERACTIONS) {
            throw new IllegalArgumentException(
                    "a warm start holds 1 to " + MAX_INTERACTIONS + " interactions, had " + interactions.size());
        }
        for (int i = 0; i < interactions.size(); i++) {
            if (interactions.get(i) == null) {
                throw new IllegalArgumentException("interactions[" + i + "] is null");
            }
        }
        interactions = List.copyOf(interactions);
    }
}
