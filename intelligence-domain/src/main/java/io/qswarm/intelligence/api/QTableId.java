package io.qswarm.intelligence.api;

/** Identifies one Q-table: the knowledge of one agent on one task. Also the origin key of its own experiences. */
public record QTableId(String value) {

    public QTableId {
        Checks.identifier("tableId", value);
    }

    public static QTableId of(String value) {
        return new QTableId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
