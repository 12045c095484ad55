package io.qswarm.intelligence.api;

/** Identifies a learning agent; an agent may own several tables. */
public record AgentId(String value) {

    public AgentId {
        Checks.identifier("agentId", value);
    }

    public static AgentId of(String value) {
        return new AgentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
