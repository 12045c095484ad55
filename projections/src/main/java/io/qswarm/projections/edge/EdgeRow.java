package io.qswarm.projections.edge;

import io.qswarm.projections.edge.api.EdgeScoreRow;
import io.qswarm.projections.edge.api.HalfLifeEstimate;
import io.qswarm.projections.edge.api.MultiplierVector;
import java.time.Instant;

/** The working copy of one edge-score row while a batch is applied to it. */
final class EdgeRow {

    final EdgeKey key;
    final boolean stored;
    long samples;
    long positives;
    long negatives;
    double rawEdge;
    double signalSum;
    double firstT;
    double lastT;
    MultiplierVector multipliers;
    HalfLifeEstimate halfLife;
    double score;
    Instant firstUpdateAt;
    Instant lastUpdateAt;
    EdgeHistory history = new EdgeHistory();

    /** A row not seen before ({@code stored = false}) or about to be filled from the read model. */
    EdgeRow(EdgeKey key, boolean stored) {
        this.key = key;
        this.stored = stored;
        this.multipliers = MultiplierVector.uniform(0.5);
        this.halfLife = HalfLifeEstimate.unknown(0);
    }

    /** One occurrence realized {@code x} at clock time {@code t} (event time {@code at}). */
    void observe(double x, double t, Instant at, Ewma ewma) {
        rawEdge = ewma.next(rawEdge, samples, x);
        if (samples == 0) {
            firstT = t;
            lastT = t;
            firstUpdateAt = at;
        } else {
            firstT = Math.min(firstT, t);
            lastT = Math.max(lastT, t);
        }
        samples++;
        if (x > 0) {
            positives++;
        } else if (x < 0) {
            negatives++;
        }
        signalSum += x;
        lastUpdateAt = at;
    }

    EdgeScoreRow toRow() {
        return new EdgeScoreRow(
                key.pattern(),
                key.category(),
                key.regime(),
                samples,
                positives,
                negatives,
                rawEdge,
                multipliers,
                halfLife,
                score,
                firstUpdateAt,
                lastUpdateAt);
    }
}
