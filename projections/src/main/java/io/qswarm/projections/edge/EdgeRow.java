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

    /**
     * The history is kept in two parts: the newest ("open") bucket in scalar columns of the row, rewritten with every
     * batch, and the older ("closed") buckets in {@code edge_history}, rewritten only when a bucket closes. A row
     * migrated from the single-column layout has no open bucket until its next batch.
     */
    boolean open;

    long openBucket;
    double openTSum;
    double openXSum;
    long openCount;
    /** The closed buckets; null while not loaded (a stored row whose batch stays in its open bucket never needs them). */
    EdgeHistory closed;
    /** Whether {@code edge_history} holds a row for this key. */
    boolean closedStored;
    /** Whether the closed buckets changed and must be written. */
    boolean closedChanged;

    /** A row not seen before ({@code stored = false}) or about to be filled from the read model. */
    EdgeRow(EdgeKey key, boolean stored) {
        this.key = key;
        this.stored = stored;
        this.multipliers = MultiplierVector.uniform(0.5);
        this.halfLife = HalfLifeEstimate.unknown(0);
        this.closed = stored ? null : new EdgeHistory();
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

    /** A working copy for one event; the closed history is shared, since it is replaced, never changed in place. */
    EdgeRow copy() {
        var copy = new EdgeRow(key, stored);
        copy.samples = samples;
        copy.positives = positives;
        copy.negatives = negatives;
        copy.rawEdge = rawEdge;
        copy.signalSum = signalSum;
        copy.firstT = firstT;
        copy.lastT = lastT;
        copy.multipliers = multipliers;
        copy.halfLife = halfLife;
        copy.score = score;
        copy.firstUpdateAt = firstUpdateAt;
        copy.lastUpdateAt = lastUpdateAt;
        copy.open = open;
        copy.openBucket = openBucket;
        copy.openTSum = openTSum;
        copy.openXSum = openXSum;
        copy.openCount = openCount;
        copy.closed = closed;
        copy.closedStored = closedStored;
        copy.closedChanged = closedChanged;
        return copy;
    }

    /** True when every occurrence at {@code bucket} falls into the open bucket: the closed buckets stay as they are. */
    boolean staysOpen(long bucket) {
        return open && openBucket == bucket;
    }

    /** Adds one occurrence to the open bucket (exactly what {@link EdgeHistory#add} does to an existing bucket). */
    void addToOpen(double t, double x) {
        openTSum += t;
        openXSum += x;
        openCount++;
    }

    /** The whole history, closed buckets then the open one; the closed buckets must be loaded. */
    EdgeHistory history() {
        EdgeHistory full = closed == null ? new EdgeHistory() : closed.copy();
        if (open) {
            full.append(openBucket, openTSum, openXSum, openCount);
        }
        return full;
    }

    /** Keeps {@code full} as the new history: its newest bucket becomes the open one, the rest the closed ones. */
    void keep(EdgeHistory full) {
        open = full.size() > 0;
        if (open) {
            openBucket = full.lastBucket();
            openTSum = full.lastTSum();
            openXSum = full.lastXSum();
            openCount = full.lastCount();
            full.removeLast();
        }
        closed = full;
        closedChanged = true;
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
