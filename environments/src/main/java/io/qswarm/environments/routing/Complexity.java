package io.qswarm.environments.routing;

/** How hard the query is; {@link #ordinal()} is the level 0, 1, 2 used in the formulas. */
public enum Complexity {
    LOW("low", 0.5),
    MEDIUM("medium", 0.3),
    HIGH("high", 0.2);

    private final String key;
    private final double share;

    Complexity(String key, double share) {
        this.key = key;
        this.share = share;
    }

    public String key() {
        return key;
    }

    /** Share of incoming queries at this complexity. */
    public double share() {
        return share;
    }
}
