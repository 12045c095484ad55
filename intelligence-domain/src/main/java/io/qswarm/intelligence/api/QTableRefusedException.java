package io.qswarm.intelligence.api;

/** A command the QTable refused, with a stable {@link QTableError} code and a human reason. Nothing was stored. */
public class QTableRefusedException extends RuntimeException {

    private final QTableError error;

    public QTableRefusedException(QTableError error, String reason) {
        super(reason);
        this.error = error;
    }

    public QTableError error() {
        return error;
    }
}
