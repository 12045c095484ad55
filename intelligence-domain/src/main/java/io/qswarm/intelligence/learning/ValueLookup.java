package io.qswarm.intelligence.learning;

import io.qswarm.intelligence.api.StateKey;

/** Read access to a table's current values; an unvisited entry is worth 0 with 0 visits. */
public interface ValueLookup {

    double q(StateKey state, String action);

    long visits(StateKey state, String action);
}
