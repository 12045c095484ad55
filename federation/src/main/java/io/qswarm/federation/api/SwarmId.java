package io.qswarm.federation.api;

import io.qswarm.intelligence.api.Checks;

/** Identifies one swarm: a group of tables that share knowledge in rounds. Also the peer name of its merges. */
public record SwarmId(String value) {

    /** Leaves room for the round number in {@link RoundId}, which must stay a 128-character identifier. */
    public static final int MAX_LENGTH = 100;

    public SwarmId {
        Checks.identifier("swarmId", value);
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "swarmId must be at most " + MAX_LENGTH + " characters, was " + value.length());
        }
    }

    public static SwarmId of(String value) {
        return new SwarmId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
