package io.qswarm.app.operations;

import io.qswarm.projections.catalog.ReadModel;

/** A read model name that is not one of {@link ReadModel#names()}. */
public class UnknownReadModelException extends RuntimeException {

    public UnknownReadModelException(String name) {
        super("unknown read model '" + name + "'; known: " + String.join(", ", ReadModel.names()));
    }
}
