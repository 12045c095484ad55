package io.qswarm.intelligence.valuefunction;

/**
 * What an agent's communication table can emit each step, in action order: stay silent (and clear what is shown),
 * show a positive cue, show an alert, or keep showing the current cue (the persistence bit of the seed's
 * {@code q_emote_persistence} stream).
 */
public enum Cue {
    SILENT("silent"),
    POSITIVE("positive"),
    ALERT("alert"),
    PERSIST("persist");

    private final String key;

    Cue(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The action index of this cue in a communication table. */
    public int action() {
        return ordinal();
    }

    public static Cue ofAction(int action) {
        if (action < 0 || action >= values().length) {
            throw new IllegalArgumentException("cue action must be in [0, 3], was " + action);
        }
        return values()[action];
    }

    /** What is shown after this cue when {@code shown} was shown before. */
    public Shown displayAfter(Shown shown) {
        return switch (this) {
            case SILENT -> Shown.NONE;
            case POSITIVE -> Shown.POSITIVE;
            case ALERT -> Shown.ALERT;
            case PERSIST -> shown;
        };
    }

    /** The cue currently on display. */
    public enum Shown {
        NONE("none"),
        POSITIVE("positive"),
        ALERT("alert");

        private final String key;

        Shown(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }
}
