package io.qswarm.app.federation.snapshot;

/** A peer could not be read from, or failed; answered 502 with {@code code}. */
final class SnapshotTransferException extends RuntimeException {

    private final String code;

    SnapshotTransferException(String code, String message) {
        super(message);
        this.code = code;
    }

    String code() {
        return code;
    }
}
