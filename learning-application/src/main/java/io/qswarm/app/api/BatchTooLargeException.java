package io.qswarm.app.api;

/** A batch or merge with more items than the configured limit. */
class BatchTooLargeException extends RuntimeException {

    BatchTooLargeException(String message) {
        super(message);
    }
}
