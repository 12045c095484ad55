package io.qswarm.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells how much of the machine's CPU other processes used while a phase was timed, from Linux's {@code /proc/stat}
 * and this JVM's own CPU time. A benchmark on a busy machine reports low figures; this makes that visible instead of
 * silent. Where {@code /proc/stat} is missing the shares are {@code NaN}.
 */
final class CpuMeter {

    /** Linux reports {@code /proc/stat} in USER_HZ ticks, 100 per second on every mainstream architecture. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private static final Path PROC_STAT = Path.of("/proc/stat");

    /**
     * CPU used during a timed phase, as shares of what all cores could have done in that wall time.
     *
     * @param otherProcesses CPU used by every process but this JVM
     * @param stolen CPU the hypervisor gave to other machines
     */
    record Contention(double otherProcesses, double stolen) {}

    private final long startNanos;
    private final long startOwnCpu;
    private final long[] startTicks;

    private CpuMeter() {
        this.startNanos = System.nanoTime();
        this.startOwnCpu = ownCpuNanos();
        this.startTicks = ticks();
    }

    static CpuMeter start() {
        return new CpuMeter();
    }

    Contention stop() {
        long[] endTicks = ticks();
        long wall = System.nanoTime() - startNanos;
        if (startTicks == null || endTicks == null || wall <= 0) {
            return new Contention(Double.NaN, Double.NaN);
        }
        double capacity = (double) wall * Runtime.getRuntime().availableProcessors();
        long busy = (endTicks[0] - startTicks[0]) * NANOS_PER_TICK;
        long steal = (endTicks[1] - startTicks[1]) * NANOS_PER_TICK;
        long own = ownCpuNanos() - startOwnCpu;
        return new Contention(Math.max(0, busy - own) / capacity, steal / capacity);
    }

    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Busy ticks (user, nice, system, irq, softirq) and steal ticks of all CPUs, or null off Linux. */
    private static long[] ticks() {
        if (!Files.isReadable(PROC_STAT)) {
            return null;
        }
        try {
            String[] cpu = Files.readAllLines(PROC_STAT).get(0).trim().split("\\s+");
            long user = Long.parseLong(cpu[1]);
            long nice = Long.parseLong(cpu[2]);
            long system = Long.parseLong(cpu[3]);
            long irq = Long.parseLong(cpu[6]);
            long softirq = Long.parseLong(cpu[7]);
            long steal = cpu.length > 8 ? Long.parseLong(cpu[8]) : 0;
            return new long[] {user + nice + system + irq + softirq, steal};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
