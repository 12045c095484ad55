package io.qswarm.federation.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.qswarm.intelligence.api.Checks;

/**
 * Identifies one swarm: a group of tables that share knowledge in rounds. Also the peer name of its merges. Written as a
 * plain JSON string (in stored events and on the wire alike).
 */
public record SwarmId(@JsonValue String value) {

    /** Leaves room for the round number in {@link RoundId}, which must stay a 128-character identifier. */
    public static final int MAX_LENGTH = 100;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
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
