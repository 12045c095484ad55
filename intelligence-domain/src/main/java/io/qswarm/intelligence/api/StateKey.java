package io.qswarm.intelligence.api;

/** The encoded observation an agent acts on, e.g. {@code "328"} for Taxi or {@code "bull|b3|up"} for a market. */
public record StateKey(String value) implements Comparable<StateKey> {

    public static final int MAX_LENGTH = 512;

    public StateKey {
        Checks.text("state", value, MAX_LENGTH);
    }

    public static StateKey of(String value) {
        return new StateKey(value);
    }

    @Override
    public int compareTo(StateKey other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
