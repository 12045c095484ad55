package io.qswarm.intelligence.api;

import java.util.Map;

/**
 * One TD update as it was applied: the experience, the bootstrap value read from the table, and the result. An
 * auditor recomputes {@code newQ = oldQ + α·(reward + γ·bootstrap − oldQ)} (with {@code bootstrap = 0} when terminal)
 * and checks {@code bootstrap} against the replayed table.
 *
 * @param visits the entry's total visits (own and merged) after the update
 * @param scope the experience's scope (see {@link Experience#scope()}), empty when unscoped
 */
public record AppliedUpdate(
        StateKey state,
        String action,
        double reward,
        Map<String, Double> rewardComponents,
        StateKey nextState,
        String nextAction,
        boolean terminal,
        double bootstrap,
        double oldQ,
        double newQ,
        long visits,
        @AddedLater Map<String, String> scope) {

    public AppliedUpdate {
        rewardComponents = rewardComponents == null ? Map.of() : rewardComponents;
        scope = scope == null ? Map.of() : scope;
    }

    /** An unscoped update. */
    public AppliedUpdate(
            StateKey state,
            String action,
            double reward,
            Map<String, Double> rewardComponents,
            StateKey nextState,
            String nextAction,
            boolean terminal,
            double bootstrap,
            double oldQ,
            double newQ,
            long visits) {
        this(
                state,
                action,
                reward,
                rewardComponents,
                nextState,
                nextAction,
                terminal,
                bootstrap,
                oldQ,
                newQ,
                visits,
                Map.of());
    }
}
