package io.qswarm.projections.exploration;

import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.QTableId;
import java.time.Instant;
import java.util.List;

/**
 * A table's exploration now and over time. The timeline keeps one point every {@code stride} events (the stride
 * doubles whenever more than {@value ExplorationProjection#MAX_POINTS} points would be kept) plus every schedule
 * change, and ends with the current value.
 *
 * @param batches events in the timeline: learning batches and schedule changes
 */
public record ExplorationTimeline(
        QTableId tableId,
        double epsilon,
        ExplorationSchedule schedule,
        long episodes,
        long updates,
        long batches,
        long stride,
        List<EpsilonPoint> points,
        Instant lastUpdate) {

    /** Epsilon after the {@code batch}-th event, with the table's episodes and updates at that moment. */
    public record EpsilonPoint(
            long batch, long episodes, long updates, double epsilon, boolean scheduleChange, Instant at) {}
}
