package io.qswarm.projections.edge;

import io.qswarm.intelligence.api.AppliedUpdate;

/** What one occurrence of a pattern realized: the number the raw edge averages. */
public enum EdgeSignal {
    /** The reward received: {@code x = r}. The default (see docs/edge-score.md for why). */
    REWARD,
    /**
     * The TD advantage: the one-step target minus the value held before, {@code x = r + γ·bootstrap − oldQ} ({@code
     * x = r − oldQ} when terminal).
     */
    TD_ADVANTAGE;

    double of(AppliedUpdate update, double gamma) {
        return switch (this) {
            case REWARD -> update.reward();
            case TD_ADVANTAGE -> (update.terminal() ? update.reward() : update.reward() + gamma * update.bootstrap())
                    - update.oldQ();
        };
    }
}
