package io.qswarm.environments.routing;

/**
 * Kind of query. The answerability adjustment is added to the resolution probability of the answering routes (halved
 * for {@code consult_peer}: peers are specialists); escalation to a human does not depend on it.
 */
public enum QueryType {
    FACTUAL("factual", 0.05, 0.4),
    PROCEDURAL("procedural", 0.0, 0.3),
    TROUBLESHOOTING("troubleshooting", -0.15, 0.2),
    ACCOUNT("account", -0.45, 0.1);

    private final String key;
    private final double answerability;
    private final double share;

    QueryType(String key, double answerability, double share) {
        this.key = key;
        this.answerability = answerability;
        this.share = share;
    }

    public String key() {
        return key;
    }

    public double answerability() {
        return answerability;
    }

    /** Share of incoming queries of this type. */
    public double share() {
        return share;
    }
}
