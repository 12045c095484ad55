package io.qswarm.intelligence.valuefunction;

import io.qswarm.intelligence.api.Checks;

/**
 * Whether two tables of one kind can be merged by averaging their parameters, each weighted by the experiences it
 * stands on (the per-parameter {@link io.qswarm.intelligence.learning.KnowledgeMerge}), and why.
 */
public sealed interface MergeSupport permits MergeSupport.VisitWeighted, MergeSupport.Refused {

    String reason();

    default boolean mergeable() {
        return this instanceof VisitWeighted;
    }

    /** Parameter averaging is meaningful for this kind; {@code reason} says why. */
    record VisitWeighted(String reason) implements MergeSupport {
        public VisitWeighted {
            Checks.text("reason", reason, 1000);
        }
    }

    /** Parameter averaging is meaningless for this kind; {@code reason} says why, for the refused peer. */
    record Refused(String reason) implements MergeSupport {
        public Refused {
            Checks.text("reason", reason, 1000);
        }
    }
}
