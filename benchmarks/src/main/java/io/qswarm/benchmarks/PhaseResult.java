package io.qswarm.benchmarks;

import io.qswarm.intelligence.api.QTableId;
import java.util.List;

/**
 * What one phase wrote and how fast. Updates and events are what the phase was told it persisted (returned commands,
 * inserted rows); bytes are counted in its store afterwards.
 *
 * @param setup how the phase wrote, in words
 * @param table the table whose measured stream this is
 * @param store where the phase's H2 store lives (gone after the run unless stores are kept)
 * @param bytes payload and metadata bytes of the measured events
 * @param seconds summed wall time of the measured writes
 * @param medianUpdatesPerSecond the rate if every write took the median time
 * @param slowShare the share of {@code seconds} spent in writes slower than {@value StreamTiming#SLOW_FACTOR}× the
 *     median
 * @param otherCpuShare share of the machine's CPU other processes used while this phase was timed
 * @param stolenCpuShare share of the machine's CPU the hypervisor gave to other machines meanwhile
 */
public record PhaseResult(
        String phase,
        String setup,
        String table,
        String store,
        long updates,
        long events,
        long bytes,
        double seconds,
        double updatesPerSecond,
        double eventsPerSecond,
        double megabytesPerSecond,
        double medianMillis,
        double p99Millis,
        double maxMillis,
        double medianUpdatesPerSecond,
        int slowEvents,
        double slowShare,
        double otherCpuShare,
        double stolenCpuShare,
        List<ChunkRate> chunks) {

    /** The rate over one part of the measured stream. */
    public record ChunkRate(int firstEvent, int lastEvent, long updates, double seconds, double updatesPerSecond) {}

    static PhaseResult of(
            String phase,
            String setup,
            QTableId table,
            H2Store store,
            StreamTiming timing,
            CpuMeter.Contention contention,
            StoredEvents.Totals stored) {
        if (stored.events() != timing.events()) {
            throw new IllegalStateException(phase + " wrote " + timing.events() + " events but its store holds "
                    + stored.events() + " for " + table);
        }
        double seconds = timing.nanos() / 1e9;
        var latency = timing.latency();
        double updatesPerEvent = (double) timing.updates() / timing.events();
        return new PhaseResult(
                phase,
                setup,
                table.value(),
                store.directory().toString(),
                timing.updates(),
                timing.events(),
                stored.bytes(),
                seconds,
                timing.updates() / seconds,
                timing.events() / seconds,
                stored.bytes() / 1e6 / seconds,
                latency.medianNanos() / 1e6,
                latency.p99Nanos() / 1e6,
                latency.maxNanos() / 1e6,
                updatesPerEvent / (latency.medianNanos() / 1e9),
                latency.slowEvents(),
                latency.slowNanos() / (double) timing.nanos(),
                contention.otherProcesses(),
                contention.stolen(),
                timing.chunks().stream()
                        .map(c -> new ChunkRate(
                                c.firstEvent(),
                                c.lastEvent(),
                                c.updates(),
                                c.nanos() / 1e9,
                                c.updates() / (c.nanos() / 1e9)))
                        .toList());
    }
}
