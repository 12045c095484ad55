package io.qswarm.environments.routing;

/** How much relevant context the agent holds; {@link #ordinal()} is the level 0, 1, 2 used in the formulas. */
public enum ContextBucket {
    NONE("none", 0.4),
    PARTIAL("partial", 0.4),
    RICH("rich", 0.2);

    private final String key;
    private final double share;

    ContextBucket(String key, double share) {
        this.key = key;
        this.share = share;
    }

    public String key() {
        return key;
    }

    /** Share of incoming queries arriving with this much context. */
    public double share() {
        return share;
    }

    /** The bucket after a successful clarification (rich stays rich). */
    public ContextBucket richer() {
        return this == RICH ? RICH : values()[ordinal() + 1];
    }
}
