package io.qswarm.environments.market;

/** Direction of the log-price over the trend window. */
public enum Trend {
    DOWN("down"),
    FLAT("flat"),
    UP("up");

    private final String key;

    Trend(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    static Trend of(double logChange, double threshold) {
        if (logChange > threshold) {
            return UP;
        }
        if (logChange < -threshold) {
            return DOWN;
        }
        return FLAT;
    }

    static Trend ofKey(String key) {
        for (Trend trend : values()) {
            if (trend.key.equals(key)) {
                return trend;
            }
        }
        throw new IllegalArgumentException("unknown trend '" + key + "'");
    }
}
