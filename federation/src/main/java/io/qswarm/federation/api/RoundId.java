package io.qswarm.federation.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.qswarm.intelligence.api.Checks;

/**
 * Identifies one federation round, unique across swarms: {@code <swarm>:<number>}, numbered from 1 by the swarm. The
 * round saga is associated with it and merges carry it, so a contribution for another round is recognised as stale.
 * Written as a plain JSON string.
 */
public record RoundId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public RoundId {
        Checks.identifier("roundId", value);
    }

    public static RoundId of(String value) {
        return new RoundId(value);
    }

    public static RoundId of(SwarmId swarm, long number) {
        if (number < 1) {
            throw new IllegalArgumentException("round numbers start at 1, was " + number);
        }
        return new RoundId(swarm.value() + ":" + number);
    }

    @Override
    public String toString() {
        return value;
    }
}
