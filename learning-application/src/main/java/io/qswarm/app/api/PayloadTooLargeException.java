package io.qswarm.app.api;

import java.io.IOException;

/**
 * A request larger than the API accepts. An {@link IOException} so that it passes unchanged through the JSON reader
 * when the limit is crossed mid-stream.
 */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(String message) {
        super(message);
    }
}
