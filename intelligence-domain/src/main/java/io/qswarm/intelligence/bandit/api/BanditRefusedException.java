package io.qswarm.intelligence.bandit.api;

/** A command the bandit policy refused, with a stable {@link BanditError} code and a human reason. Nothing was stored. */
public class BanditRefusedException extends RuntimeException {

    private final BanditError error;

    public BanditRefusedException(BanditError error, String reason) {
        super(reason);
        this.error = error;
    }

    public BanditError error() {
        return error;
    }
}
