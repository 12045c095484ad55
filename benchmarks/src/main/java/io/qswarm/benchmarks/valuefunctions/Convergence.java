package io.qswarm.benchmarks.valuefunctions;

import java.util.List;
import java.util.OptionalInt;

/**
 * Episodes to convergence: the first checkpoint episode from which the greedy return — averaged over a trailing
 * window of {@code window} checkpoints (1 = the raw return) — stays at or above {@code target − tolerance·|target|}
 * at every later checkpoint. For a known optimum this is "within 5 % of the optimum" (nothing can exceed it); for a
 * reference that a kind may beat (the flat table's final return on the market), beating it counts as converged.
 * Empty when the last checkpoint is below the band (the run never settled there).
 */
final class Convergence {

    static final double TOLERANCE = 0.05;

    private Convergence() {}

    static OptionalInt episodesTo(List<QLearning.Checkpoint> checkpoints, double target, double tolerance, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1, was " + window);
        }
        double floor = target - tolerance * Math.abs(target);
        double[] smoothed = smoothed(checkpoints, window);
        OptionalInt since = OptionalInt.empty();
        for (int i = 0; i < smoothed.length; i++) {
            if (smoothed[i] >= floor) {
                if (since.isEmpty()) {
                    since = OptionalInt.of(checkpoints.get(i).episode());
                }
            } else {
                since = OptionalInt.empty();
            }
        }
        return since;
    }

    /** The greedy return averaged over the trailing window, at every checkpoint. */
    static double[] smoothed(List<QLearning.Checkpoint> checkpoints, int window) {
        double[] smoothed = new double[checkpoints.size()];
        double sum = 0;
        for (int i = 0; i < smoothed.length; i++) {
            sum += checkpoints.get(i).greedyReturn();
            if (i >= window) {
                sum -= checkpoints.get(i - window).greedyReturn();
            }
            smoothed[i] = sum / Math.min(i + 1, window);
        }
        return smoothed;
    }
}
