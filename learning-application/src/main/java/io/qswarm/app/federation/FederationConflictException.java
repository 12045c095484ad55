package io.qswarm.app.federation;

/** A federation request that conflicts with what is registered or stored; answered 409 with {@code code}. */
public class FederationConflictException extends RuntimeException {

    private final String code;

    public FederationConflictException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
