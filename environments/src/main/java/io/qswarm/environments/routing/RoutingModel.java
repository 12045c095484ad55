package io.qswarm.environments.routing;

/**
 * The reward knobs of {@link RoutingEnvironment}.
 *
 * @param resolvedReward {@code resolution} component when the query is resolved
 * @param unresolvedReward {@code resolution} component when the answer fails
 * @param ratingWeight the {@code rating} component is {@code ratingWeight * (stars - 3) / 2}
 * @param latencyPerSecond the {@code latency} component is {@code -latencyPerSecond * latencySeconds}
 * @param clarificationSuccess probability that the user answers a clarification request (context gets richer)
 * @param annoyancePenalty {@code rating} component of asking for clarification when the context is already rich
 * @param maxTurns steps before the conversation is truncated
 */
public record RoutingModel(
        double resolvedReward,
        double unresolvedReward,
        double ratingWeight,
        double latencyPerSecond,
        double clarificationSuccess,
        double annoyancePenalty,
        int maxTurns) {

    public RoutingModel {
        finite("resolvedReward", resolvedReward);
        finite("unresolvedReward", unresolvedReward);
        if (!(ratingWeight >= 0) || !Double.isFinite(ratingWeight)) {
            throw new IllegalArgumentException("ratingWeight must be a finite number >= 0, was " + ratingWeight);
        }
        if (!(latencyPerSecond >= 0) || !Double.isFinite(latencyPerSecond)) {
            throw new IllegalArgumentException(
                    "latencyPerSecond must be a finite number >= 0, was " + latencyPerSecond);
        }
        if (!(clarificationSuccess > 0 && clarificationSuccess <= 1)) {
            throw new IllegalArgumentException("clarificationSuccess must be in (0, 1], was " + clarificationSuccess);
        }
        if (!(annoyancePenalty <= 0) || !Double.isFinite(annoyancePenalty)) {
            throw new IllegalArgumentException(
                    "annoyancePenalty must be a finite number <= 0, was " + annoyancePenalty);
        }
        if (maxTurns < 1) {
            throw new IllegalArgumentException("maxTurns must be >= 1, was " + maxTurns);
        }
    }

    public static RoutingModel defaults() {
        return new RoutingModel(1.0, -1.0, 0.5, 0.01, 0.9, -0.25, 3);
    }

    /** Probability of a 5-star (rather than 4-star) rating of a resolved query: fast answers please more. */
    public double fiveStarShare(int latencySeconds) {
        return Math.max(0.1, Math.min(0.9, 0.9 - 0.01 * latencySeconds));
    }

    /** Probability of a 2-star (rather than 1-star) rating of an unresolved query. */
    public double twoStarShare() {
        return 0.3;
    }

    private static void finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number, was " + value);
        }
    }
}
