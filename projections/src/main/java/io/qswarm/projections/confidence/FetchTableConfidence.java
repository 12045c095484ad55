package io.qswarm.projections.confidence;

import io.qswarm.intelligence.api.QTableId;

/**
 * How confident is a table, overall: coverage, mean confidence, histogram and its least-confident states. Answers
 * {@link TableConfidence}, or null for an unknown table. Also a subscription query: updates follow every change.
 *
 * @param leastConfidentStates how many of the least-confident states to list (0 to {@value #MAX_STATES})
 */
public record FetchTableConfidence(QTableId tableId, int leastConfidentStates) {

    public static final int MAX_STATES = 1000;

    public FetchTableConfidence {
        if (tableId == null) {
            throw new IllegalArgumentException("tableId is required");
        }
        if (leastConfidentStates < 0 || leastConfidentStates > MAX_STATES) {
            throw new IllegalArgumentException(
                    "leastConfidentStates must be between 0 and " + MAX_STATES + ", was " + leastConfidentStates);
        }
    }
}
