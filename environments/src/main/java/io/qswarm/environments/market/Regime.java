package io.qswarm.environments.market;

/** The hidden state of the market. {@link #key()} is the name used in configuration files. */
public enum Regime {
    BULL("bull", 3),
    BEAR("bear", 1),
    CHOP("chop", 2),
    PANIC("panic", 0);

    private final String key;
    private final int mood;

    Regime(String key, int mood) {
        this.key = key;
        this.mood = mood;
    }

    public String key() {
        return key;
    }

    /** The mood level this regime shows when the mood signal is not noise: panic 0, bear 1, chop 2, bull 3. */
    public int mood() {
        return mood;
    }

    public static Regime ofKey(String key) {
        for (Regime regime : values()) {
            if (regime.key.equals(key)) {
                return regime;
            }
        }
        throw new IllegalArgumentException("unknown regime '" + key + "' (expected bull, bear, chop or panic)");
    }
}
