package io.qswarm.app.security;

/**
 * A caller that passed the endpoint's rule but acts outside its scope, found where the request's content is read
 * (a peer sending a packet in another peer's name). Answered 403 {@code urn:qswarm:problem:forbidden}.
 */
public class CallerRefusedException extends RuntimeException {

    public CallerRefusedException(String reason) {
        super(reason);
    }
}
