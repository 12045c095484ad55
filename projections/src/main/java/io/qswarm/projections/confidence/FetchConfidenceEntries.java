package io.qswarm.projections.confidence;

import io.qswarm.intelligence.api.QTableId;

/**
 * A page of a table's visited entries with their confidence, least confident first (then by state and action).
 * Answers {@link ConfidenceEntriesPage}, or null for an unknown table.
 *
 * @param state only this state, or null
 * @param action only this action, or null
 * @param minConfidence only entries at or above, or null
 * @param maxConfidence only entries at or below, or null
 */
public record FetchConfidenceEntries(
        QTableId tableId, String state, String action, Double minConfidence, Double maxConfidence, int page, int size) {

    public static final int MAX_SIZE = 1000;

    public FetchConfidenceEntries {
        if (tableId == null) {
            throw new IllegalArgumentException("tableId is required");
        }
        if (page < 0) {
            throw new IllegalArgumentException("page must be >= 0, was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE + ", was " + size);
        }
        checkBound("minConfidence", minConfidence);
        checkBound("maxConfidence", maxConfidence);
    }

    private static void checkBound(String name, Double bound) {
        if (bound != null && !(bound >= 0.0 && bound <= 1.0)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + bound);
        }
    }
}
