package io.qswarm.environments.routing;

/**
 * The routing actions, in action-index order, with their base cost and behaviour.
 *
 * <p>Resolution probability of an answering route:
 * {@code clamp(base + typeWeight * answerability(type) - complexitySlope * complexity + contextSlope * context,
 * 0.02, 0.98)}. {@link #REQUEST_CLARIFICATION} resolves nothing: it gathers context for the next turn.
 */
public enum Route {
    DIRECT_ANSWER("direct_answer", 0.0, 0.85, 1.0, 0.30, 0.00, 2),
    CONTEXT_ANSWER("context_answer", 0.1, 0.45, 1.0, 0.15, 0.25, 4),
    REQUEST_CLARIFICATION("request_clarification", 0.2, 0, 0, 0, 0, 5),
    CONSULT_PEER("consult_peer", 0.3, 0.80, 0.5, 0.05, 0.05, 15),
    ESCALATE("escalate", 0.5, 0.97, 0.0, 0.00, 0.00, 60);

    private final String key;
    private final double baseCost;
    private final double base;
    private final double typeWeight;
    private final double complexitySlope;
    private final double contextSlope;
    private final int latencySeconds;

    Route(
            String key,
            double baseCost,
            double base,
            double typeWeight,
            double complexitySlope,
            double contextSlope,
            int latencySeconds) {
        this.key = key;
        this.baseCost = baseCost;
        this.base = base;
        this.typeWeight = typeWeight;
        this.complexitySlope = complexitySlope;
        this.contextSlope = contextSlope;
        this.latencySeconds = latencySeconds;
    }

    public String key() {
        return key;
    }

    public double baseCost() {
        return baseCost;
    }

    public int latencySeconds() {
        return latencySeconds;
    }

    public boolean answers() {
        return this != REQUEST_CLARIFICATION;
    }

    /** Probability that this route resolves the query. */
    public double resolutionProbability(QueryType type, Complexity complexity, ContextBucket context) {
        if (!answers()) {
            return 0;
        }
        double p = base
                + typeWeight * type.answerability()
                - complexitySlope * complexity.ordinal()
                + contextSlope * context.ordinal();
        return Math.max(0.02, Math.min(0.98, p));
    }
}
