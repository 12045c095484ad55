package io.qswarm.benchmarks;

/**
 * The outcome of one write-path run and the targets it is held to: batched at least {@value #TARGET_OVER_NAIVE}×
 * the naive design, and at least {@value #TARGET_OVER_RAW}× the raw insert rate of the same bytes.
 */
public record WritePathResults(
        String startedAt,
        double runSeconds,
        MachineDescription machine,
        WritePathParameters parameters,
        PhaseResult batched,
        PhaseResult naive,
        PhaseResult raw) {

    public static final double TARGET_OVER_NAIVE = 300.0;
    public static final double TARGET_OVER_RAW = 0.3;

    public double batchedOverNaive() {
        return batched.updatesPerSecond() / naive.updatesPerSecond();
    }

    public double batchedOverRaw() {
        return batched.updatesPerSecond() / raw.updatesPerSecond();
    }

    public boolean meetsNaiveTarget() {
        return batchedOverNaive() >= TARGET_OVER_NAIVE;
    }

    public boolean meetsRawTarget() {
        return batchedOverRaw() >= TARGET_OVER_RAW;
    }

    /** Other processes may use this share of the machine's CPU during a phase before its figures are suspect. */
    public static final double QUIET_MACHINE = 0.05;

    /** Whether other processes used a noticeable share of the CPU while some phase was timed. */
    public boolean machineWasBusy() {
        return java.util.stream.Stream.of(batched, naive, raw)
                .anyMatch(phase -> phase.otherCpuShare() > QUIET_MACHINE || phase.stolenCpuShare() > QUIET_MACHINE);
    }

    /** Whether the naive and batched streams end at the same length in events, so chunk i of each is comparable. */
    public boolean streamsMatch() {
        return batched.events() == naive.events()
                && batched.chunks().size() == naive.chunks().size();
    }
}
