package io.qswarm.environments.planning;

import io.qswarm.environments.TabularModel;
import io.qswarm.environments.Transition;
import java.util.Arrays;

/**
 * Extracts a deterministic policy from optimal values, lexicographically: (1) an action of maximal value, within
 * {@link Bellman#TIE_TOLERANCE}; (2) among those, one that ends the episode in the fewest expected steps; (3) the lowest
 * action index.
 *
 * <p>Criterion (2) matters for undiscounted problems with zero-reward loops. In the non-slippery FrozenLake every
 * action that avoids a hole has optimal value 1 under {@code gamma = 1}, so "lowest index among ties" would choose
 * {@code left} in the start corner and never reach the goal. Restricting to optimal actions and minimising the expected
 * number of steps to termination yields a proper policy (it ends with probability 1), and a proper policy that is
 * greedy for {@code V*} has value {@code V*}.
 *
 * <p>The expected-steps problem is solved on the states from which some combination of optimal actions ends the
 * episode with probability 1 (the classic "probability-1 reachability" fixpoint); elsewhere criterion (2) is skipped.
 */
final class PolicyExtraction {

    private static final double STEPS_TOLERANCE = 1e-9;
    private static final int MAX_STEP_SWEEPS = 1_000_000;

    private PolicyExtraction() {}

    static int[] greedy(TabularModel model, double[] values, double gamma) {
        int states = model.stateCount();
        int actions = model.actionCount();
        boolean[][] optimal = optimalActions(model, values, gamma);
        boolean[][] usable = almostSurelyTerminating(model, optimal);
        double[] steps = expectedSteps(model, usable);
        int[] policy = new int[states];
        for (int s = 0; s < states; s++) {
            int chosen = -1;
            double fewest = Double.POSITIVE_INFINITY;
            for (int a = 0; a < actions; a++) {
                if (usable[s][a]) {
                    fewest = Math.min(fewest, stepsOf(model, steps, s, a));
                }
            }
            for (int a = 0; a < actions && chosen < 0; a++) {
                if (usable[s][a] && stepsOf(model, steps, s, a) <= fewest + STEPS_TOLERANCE * Math.max(1, fewest)) {
                    chosen = a;
                }
            }
            for (int a = 0; a < actions && chosen < 0; a++) {
                if (optimal[s][a]) {
                    chosen = a;
                }
            }
            policy[s] = chosen;
        }
        return policy;
    }

    private static boolean[][] optimalActions(TabularModel model, double[] values, double gamma) {
        int actions = model.actionCount();
        boolean[][] optimal = new boolean[model.stateCount()][actions];
        for (int s = 0; s < optimal.length; s++) {
            double[] q = new double[actions];
            double best = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < actions; a++) {
                q[a] = Bellman.actionValue(model, values, s, a, gamma);
                best = Math.max(best, q[a]);
            }
            double tolerance = Bellman.TIE_TOLERANCE * Math.max(1.0, Math.abs(best));
            for (int a = 0; a < actions; a++) {
                optimal[s][a] = q[a] >= best - tolerance;
            }
        }
        return optimal;
    }

    /**
     * The optimal actions that keep the episode inside the set of states from which it ends with probability 1 using
     * optimal actions only: repeatedly drop actions that may leave the set and states that can no longer reach a
     * terminal transition, until nothing changes.
     */
    private static boolean[][] almostSurelyTerminating(TabularModel model, boolean[][] optimal) {
        int states = model.stateCount();
        int actions = model.actionCount();
        boolean[] inSet = new boolean[states];
        Arrays.fill(inSet, true);
        boolean[][] usable = new boolean[states][];
        for (int s = 0; s < states; s++) {
            usable[s] = optimal[s].clone();
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int s = 0; s < states; s++) {
                for (int a = 0; a < actions; a++) {
                    if (usable[s][a] && (!inSet[s] || leavesSet(model, inSet, s, a))) {
                        usable[s][a] = false;
                        changed = true;
                    }
                }
            }
            boolean[] reaches = reachTermination(model, usable);
            for (int s = 0; s < states; s++) {
                if (inSet[s] && !reaches[s]) {
                    inSet[s] = false;
                    changed = true;
                }
            }
        }
        return usable;
    }

    private static boolean leavesSet(TabularModel model, boolean[] inSet, int state, int action) {
        for (Transition t : model.transitions(state, action)) {
            if (!t.terminal() && !inSet[t.nextState()]) {
                return true;
            }
        }
        return false;
    }

    /** States from which a terminal transition has positive probability using usable actions. */
    private static boolean[] reachTermination(TabularModel model, boolean[][] usable) {
        int states = model.stateCount();
        boolean[] reaches = new boolean[states];
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int s = 0; s < states; s++) {
                if (reaches[s]) {
                    continue;
                }
                for (int a = 0; a < model.actionCount() && !reaches[s]; a++) {
                    if (!usable[s][a]) {
                        continue;
                    }
                    for (Transition t : model.transitions(s, a)) {
                        if (t.terminal() || reaches[t.nextState()]) {
                            reaches[s] = true;
                            changed = true;
                            break;
                        }
                    }
                }
            }
        }
        return reaches;
    }

    /** Minimal expected number of steps to termination using usable actions (value iteration from 0). */
    private static double[] expectedSteps(TabularModel model, boolean[][] usable) {
        int states = model.stateCount();
        double[] steps = new double[states];
        double[] next = new double[states];
        double delta = Double.POSITIVE_INFINITY;
        int sweeps = 0;
        while (delta > STEPS_TOLERANCE) {
            if (sweeps++ == MAX_STEP_SWEEPS) {
                throw new IllegalStateException("expected steps to termination did not converge");
            }
            delta = 0;
            for (int s = 0; s < states; s++) {
                double fewest = Double.POSITIVE_INFINITY;
                for (int a = 0; a < model.actionCount(); a++) {
                    if (usable[s][a]) {
                        fewest = Math.min(fewest, stepsOf(model, steps, s, a));
                    }
                }
                next[s] = fewest == Double.POSITIVE_INFINITY ? 0 : fewest;
                delta = Math.max(delta, Math.abs(next[s] - steps[s]) / Math.max(1, next[s]));
            }
            double[] swap = steps;
            steps = next;
            next = swap;
        }
        return steps;
    }

    private static double stepsOf(TabularModel model, double[] steps, int state, int action) {
        double expected = 1;
        for (Transition t : model.transitions(state, action)) {
            if (!t.terminal()) {
                expected += t.probability() * steps[t.nextState()];
            }
        }
        return expected;
    }
}
