package io.qswarm.federation.transport;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.qswarm.intelligence.api.Checks;

/** Names one QSwarm deployment among its peers. Every packet names its sender and its receiver by it. */
public record PeerId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PeerId {
        Checks.identifier("peerId", value);
    }

    public static PeerId of(String value) {
        return new PeerId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
