package io.qswarm.federation.api;

/** A command the swarm refused, with a stable {@link SwarmError} code and a human reason. Nothing was stored. */
public class SwarmRefusedException extends RuntimeException {

    private final SwarmError error;

    public SwarmRefusedException(SwarmError error, String reason) {
        super(reason);
        this.error = error;
    }

    public SwarmError error() {
        return error;
    }
}
