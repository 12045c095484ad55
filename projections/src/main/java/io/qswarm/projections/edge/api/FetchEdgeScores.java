package io.qswarm.projections.edge.api;

import io.qswarm.intelligence.api.Checks;
import io.qswarm.intelligence.api.QTableId;

/**
 * Asks for one page of a table's edge scores, optionally for one regime signature ({@code ""} = unscoped) and/or one
 * action category. Answered with an {@link EdgeScorePage}, or null for an unknown table.
 *
 * @param order null means {@link EdgeScoreOrder#SCORE_DESC}
 */
public record FetchEdgeScores(
        QTableId tableId, String regime, String category, EdgeScoreOrder order, int page, int size) {

    public static final int MAX_PAGE_SIZE = 1_000;

    public FetchEdgeScores {
        Checks.required("tableId", tableId);
        order = order == null ? EdgeScoreOrder.SCORE_DESC : order;
        if (page < 0) {
            throw new IllegalArgumentException("page must not be negative, was " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size must be in [1, " + MAX_PAGE_SIZE + "], was " + size);
        }
    }

    /** The first page of every score of a table, best first. */
    public static FetchEdgeScores best(QTableId tableId, int size) {
        return new FetchEdgeScores(tableId, null, null, EdgeScoreOrder.SCORE_DESC, 0, size);
    }
}
