package io.qswarm.benchmarks.valuefunctions;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One candidate's runs over several seeds, summarised against a reference return (Taxi: the optimum; market: the
 * flat table's mean final greedy return), which is also the convergence target.
 *
 * @param convergedEpisodes per seed, the episodes to convergence, or -1 when the run did not converge
 */
record KindSummary(
        String label,
        String kind,
        int parameters,
        double compression,
        double meanFinalReturn,
        double minFinalReturn,
        double maxFinalReturn,
        double meanStandardError,
        double lossPercent,
        List<Integer> convergedEpisodes,
        double meanTrainingSeconds,
        double microsecondsPerStep) {

    /** @param window checkpoints the convergence curve is averaged over */
    static KindSummary of(List<QLearning.Run> runs, int flatParameters, double reference, int window) {
        QLearning.Run first = runs.get(0);
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double errors = 0;
        double seconds = 0;
        long steps = 0;
        var converged = new ArrayList<Integer>();
        for (QLearning.Run run : runs) {
            double last = run.last().greedyReturn();
            sum += last;
            min = Math.min(min, last);
            max = Math.max(max, last);
            errors += run.last().standardError();
            seconds += run.trainingNanos() / 1e9;
            steps += run.steps();
            OptionalInt episodes = Convergence.episodesTo(run.checkpoints(), reference, Convergence.TOLERANCE, window);
            converged.add(episodes.orElse(-1));
        }
        double mean = sum / runs.size();
        int parameters = first.spec().parameterCount();
        return new KindSummary(
                first.label(),
                first.spec().kind().name(),
                parameters,
                (double) flatParameters / parameters,
                mean,
                min,
                max,
                errors / runs.size(),
                100.0 * (reference - mean) / Math.abs(reference),
                List.copyOf(converged),
                seconds / runs.size(),
                seconds * 1e6 / steps);
    }

    /** Median episodes to convergence over the seeds that converged. */
    OptionalDouble medianConvergence() {
        List<Integer> done =
                convergedEpisodes.stream().filter(e -> e >= 0).sorted().toList();
        if (done.isEmpty()) {
            return OptionalDouble.empty();
        }
        int n = done.size();
        return OptionalDouble.of(n % 2 == 1 ? done.get(n / 2) : (done.get(n / 2 - 1) + done.get(n / 2)) / 2.0);
    }

    long convergedRuns() {
        return convergedEpisodes.stream().filter(e -> e >= 0).count();
    }

    /** At least 10× fewer numbers than flat and at most 5 % below the reference. */
    boolean meetsTarget() {
        return compression >= 10 && lossPercent <= 5;
    }
}
