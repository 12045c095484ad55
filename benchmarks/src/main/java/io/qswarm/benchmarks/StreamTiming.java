package io.qswarm.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The wall time spent writing one measured stream of events: in total, for each of a few equal parts of the stream
 * (so that a rate which changes as the stream grows shows), and its spread over single events (so that a few slow
 * writes among many fast ones show).
 *
 * @param chunks the parts in stream order; events are numbered from 1 within the measured stream
 */
record StreamTiming(long updates, int events, long nanos, List<Chunk> chunks, Latency latency) {

    /** A slow write takes more than this many times the median. */
    static final int SLOW_FACTOR = 5;

    record Chunk(int firstEvent, int lastEvent, long updates, long nanos) {}

    /**
     * How the time per written event is spread.
     *
     * @param slowEvents events that took more than {@value #SLOW_FACTOR} times the median
     * @param slowNanos the time those slow events took together
     */
    record Latency(long medianNanos, long p99Nanos, long maxNanos, int slowEvents, long slowNanos) {

        static Latency of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            long median = sorted[(sorted.length - 1) / 2];
            long p99 = sorted[(int) Math.ceil(0.99 * sorted.length) - 1];
            int slow = 0;
            long slowNanos = 0;
            for (long n : nanos) {
                if (n > SLOW_FACTOR * median) {
                    slow++;
                    slowNanos += n;
                }
            }
            return new Latency(median, p99, sorted[sorted.length - 1], slow, slowNanos);
        }
    }

    /** Collects the time of each written event, in order. */
    static final class Recorder {

        private final int events;
        private final int[] lastEventOfChunk;
        private final long[] chunkUpdates;
        private final long[] chunkNanos;
        private final long[] eventNanos;
        private int written;
        private int chunk;

        Recorder(int events, int chunks) {
            if (events < chunks) {
                throw new IllegalArgumentException(events + " events cannot fill " + chunks + " chunks");
            }
            this.events = events;
            this.lastEventOfChunk = new int[chunks];
            this.chunkUpdates = new long[chunks];
            this.chunkNanos = new long[chunks];
            this.eventNanos = new long[events];
            for (int i = 0; i < chunks; i++) {
                lastEventOfChunk[i] = (int) ((long) events * (i + 1) / chunks);
            }
        }

        /** One more event of the stream was written, carrying {@code updates} updates, in {@code nanos}. */
        void written(long updates, long nanos) {
            if (written == events) {
                throw new IllegalStateException("all " + events + " events were already written");
            }
            eventNanos[written] = nanos;
            written++;
            chunkUpdates[chunk] += updates;
            chunkNanos[chunk] += nanos;
            if (written == lastEventOfChunk[chunk] && chunk < lastEventOfChunk.length - 1) {
                chunk++;
            }
        }

        StreamTiming finish() {
            if (written != events) {
                throw new IllegalStateException("only " + written + " of " + events + " events were written");
            }
            var parts = new ArrayList<Chunk>();
            long updates = 0;
            long nanos = 0;
            for (int i = 0; i < lastEventOfChunk.length; i++) {
                int first = i == 0 ? 1 : lastEventOfChunk[i - 1] + 1;
                parts.add(new Chunk(first, lastEventOfChunk[i], chunkUpdates[i], chunkNanos[i]));
                updates += chunkUpdates[i];
                nanos += chunkNanos[i];
            }
            return new StreamTiming(updates, events, nanos, List.copyOf(parts), Latency.of(eventNanos));
        }
    }
}
