package io.qswarm.projections.edge;

import io.qswarm.projections.edge.api.EdgeHistoryView;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The capped edge history of one row: per clock bucket, the sums of the clock times and signals observed in it and
 * their count; its point is {@code (t_sum / n, x_sum / n)}. Stored in two parts (V111): the newest bucket in scalar
 * columns of the row ({@code open_*}), the older ones in {@code edge_history} as Base64 (standard alphabet, padded) of
 * consecutive big-endian records {@code (bucket int64, t_sum float64, x_sum float64, n int64)}, oldest bucket first,
 * 32 bytes each; the empty string is the empty history. Text rather than a binary column keeps the DDL and the content
 * digest of read models portable. Doubles are stored bit for bit, so a rebuilt model is identical to the live one.
 * Mutable, for the projection's working copy of a row.
 */
final class EdgeHistory {

    static final int RECORD_BYTES = 32;

    private long[] buckets;
    private double[] tSums;
    private double[] xSums;
    private long[] counts;
    private int size;

    EdgeHistory() {
        this(8);
    }

    private EdgeHistory(int capacity) {
        buckets = new long[capacity];
        tSums = new double[capacity];
        xSums = new double[capacity];
        counts = new long[capacity];
    }

    static EdgeHistory decode(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return new EdgeHistory();
        }
        byte[] bytes = Base64.getDecoder().decode(encoded);
        if (bytes.length % RECORD_BYTES != 0) {
            throw new IllegalStateException("corrupt edge history in read model: " + bytes.length + " bytes");
        }
        int records = bytes.length / RECORD_BYTES;
        var history = new EdgeHistory(records + 1);
        var buffer = ByteBuffer.wrap(bytes);
        for (int i = 0; i < records; i++) {
            history.buckets[i] = buffer.getLong();
            history.tSums[i] = buffer.getDouble();
            history.xSums[i] = buffer.getDouble();
            history.counts[i] = buffer.getLong();
        }
        history.size = records;
        return history;
    }

    String encode() {
        var buffer = ByteBuffer.allocate(size * RECORD_BYTES);
        for (int i = 0; i < size; i++) {
            buffer.putLong(buckets[i]);
            buffer.putDouble(tSums[i]);
            buffer.putDouble(xSums[i]);
            buffer.putLong(counts[i]);
        }
        return Base64.getEncoder().encodeToString(buffer.array());
    }

    int size() {
        return size;
    }

    /** A copy with room for one more bucket. */
    EdgeHistory copy() {
        var out = new EdgeHistory(size + 1);
        System.arraycopy(buckets, 0, out.buckets, 0, size);
        System.arraycopy(tSums, 0, out.tSums, 0, size);
        System.arraycopy(xSums, 0, out.xSums, 0, size);
        System.arraycopy(counts, 0, out.counts, 0, size);
        out.size = size;
        return out;
    }

    /** Appends a whole bucket that is newer than every bucket held (the row's open bucket, kept apart). */
    void append(long bucket, double tSum, double xSum, long count) {
        if (size > 0 && buckets[size - 1] >= bucket) {
            throw new IllegalStateException("edge history bucket " + bucket + " is not after " + buckets[size - 1]);
        }
        if (size == buckets.length) {
            int capacity = Math.max(8, size * 2);
            buckets = Arrays.copyOf(buckets, capacity);
            tSums = Arrays.copyOf(tSums, capacity);
            xSums = Arrays.copyOf(xSums, capacity);
            counts = Arrays.copyOf(counts, capacity);
        }
        buckets[size] = bucket;
        tSums[size] = tSum;
        xSums[size] = xSum;
        counts[size] = count;
        size++;
    }

    /** The newest bucket's number, time sum, signal sum and count; the history must not be empty. */
    long lastBucket() {
        return buckets[size - 1];
    }

    double lastTSum() {
        return tSums[size - 1];
    }

    double lastXSum() {
        return xSums[size - 1];
    }

    long lastCount() {
        return counts[size - 1];
    }

    /** Drops the newest bucket. */
    void removeLast() {
        size--;
    }

    /** Adds one observation to its bucket; true when that bucket was not in the history before. */
    boolean add(long bucket, double t, double x) {
        int at = Arrays.binarySearch(buckets, 0, size, bucket);
        if (at >= 0) {
            tSums[at] += t;
            xSums[at] += x;
            counts[at]++;
            return false;
        }
        int insert = -at - 1;
        if (size == buckets.length) {
            int capacity = Math.max(8, size * 2);
            buckets = Arrays.copyOf(buckets, capacity);
            tSums = Arrays.copyOf(tSums, capacity);
            xSums = Arrays.copyOf(xSums, capacity);
            counts = Arrays.copyOf(counts, capacity);
        }
        int tail = size - insert;
        System.arraycopy(buckets, insert, buckets, insert + 1, tail);
        System.arraycopy(tSums, insert, tSums, insert + 1, tail);
        System.arraycopy(xSums, insert, xSums, insert + 1, tail);
        System.arraycopy(counts, insert, counts, insert + 1, tail);
        buckets[insert] = bucket;
        tSums[insert] = t;
        xSums[insert] = x;
        counts[insert] = 1;
        size++;
        return true;
    }

    /** Drops the oldest buckets until at most {@code cap} remain. */
    void cap(int cap) {
        int drop = size - cap;
        if (drop <= 0) {
            return;
        }
        System.arraycopy(buckets, drop, buckets, 0, cap);
        System.arraycopy(tSums, drop, tSums, 0, cap);
        System.arraycopy(xSums, drop, xSums, 0, cap);
        System.arraycopy(counts, drop, counts, 0, cap);
        size = cap;
    }

    /** The points of the buckets before {@code bucket} (the closed ones when {@code bucket} is the open one). */
    List<EdgePoint> pointsBefore(long bucket) {
        var out = new ArrayList<EdgePoint>(size);
        for (int i = 0; i < size && buckets[i] < bucket; i++) {
            out.add(new EdgePoint(tSums[i] / counts[i], xSums[i] / counts[i]));
        }
        return out;
    }

    /** The mean signal of each bucket: the pattern's outcome series. */
    NavigableMap<Long, Double> meanSignals() {
        var out = new TreeMap<Long, Double>();
        for (int i = 0; i < size; i++) {
            out.put(buckets[i], xSums[i] / counts[i]);
        }
        return out;
    }

    List<EdgeHistoryView.Point> view() {
        var out = new ArrayList<EdgeHistoryView.Point>(size);
        for (int i = 0; i < size; i++) {
            out.add(new EdgeHistoryView.Point(buckets[i], tSums[i] / counts[i], xSums[i] / counts[i], counts[i]));
        }
        return out;
    }
}
