package io.qswarm.projections.confidence;

import io.qswarm.intelligence.api.QTableId;
import java.time.Instant;
import java.util.List;

/**
 * A table's confidence. Known entries are every (known state, action) pair, a known state being one the table acted
 * in or reached; unvisited entries count with confidence 0.
 *
 * @param coverage visited entries over known entries
 * @param meanConfidence mean confidence over known entries
 * @param meanVisitedConfidence mean confidence over visited entries only
 * @param histogram entries per confidence tenth, unvisited entries in the first bucket
 * @param successes experiences with a positive reward
 * @param failures experiences with a negative reward
 * @param lastUpdate event time of the last learning step or merge, null before the first
 */
public record TableConfidence(
        QTableId tableId,
        int actions,
        long knownStates,
        long knownEntries,
        long visitedEntries,
        double coverage,
        double meanConfidence,
        double meanVisitedConfidence,
        List<ConfidenceBucket> histogram,
        List<StateConfidence> leastConfidentStates,
        long successes,
        long failures,
        Instant lastUpdate) {

    /** Entries whose confidence lies in {@code [from, to)} ({@code to} inclusive for the last bucket). */
    public record ConfidenceBucket(double from, double to, long entries) {}

    /** A state's confidence: the mean over all the table's actions, unvisited ones counting 0. */
    public record StateConfidence(String state, double confidence, int visitedActions) {}
}
