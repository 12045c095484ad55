package io.qswarm.app.api;

import io.qswarm.intelligence.api.QTableId;

/** No read model knows the table (it does not exist, or was created a moment ago and is not projected yet). */
class UnknownTableException extends RuntimeException {

    UnknownTableException(QTableId id) {
        super("unknown table '" + id + "'");
    }
}
