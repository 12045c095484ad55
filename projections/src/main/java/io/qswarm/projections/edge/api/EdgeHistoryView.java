package io.qswarm.projections.edge.api;

import java.util.List;

/**
 * An edge-score row and its edge history, oldest bucket first.
 *
 * @param row the row as {@link FetchEdgeScores} shows it (its {@code halfLife} was fitted on the closed buckets)
 * @param history one point per clock bucket the pattern occurred in
 */
public record EdgeHistoryView(EdgeScoreRow row, List<Point> history) {

    /**
     * One bucket of the history.
     *
     * @param bucket {@code floor(t / bucketWidth)}
     * @param t the mean clock time of the bucket's occurrences
     * @param edge the mean realized signal of the bucket's occurrences
     * @param samples how many occurrences fell in the bucket
     */
    public record Point(long bucket, double t, double edge, long samples) {}
}
