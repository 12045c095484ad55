package io.qswarm.environments.planning;

import io.qswarm.environments.TabularModel;
import io.qswarm.environments.Transition;

/** The one-step backup shared by the planners. */
final class Bellman {

    /** Two action values closer than this (relative to their size) are a tie, broken by the lower action index. */
    static final double TIE_TOLERANCE = 1e-9;

    private Bellman() {}

    /** {@code Q(s, a) = sum p * (r + gamma * (terminal ? 0 : V(s')))}. */
    static double actionValue(TabularModel model, double[] values, int state, int action, double gamma) {
        double q = 0;
        for (Transition t : model.transitions(state, action)) {
            q += t.probability() * (t.reward() + (t.terminal() ? 0.0 : gamma * values[t.nextState()]));
        }
        return q;
    }

    static double maxActionValue(TabularModel model, double[] values, int state, double gamma) {
        double best = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < model.actionCount(); a++) {
            best = Math.max(best, actionValue(model, values, state, a, gamma));
        }
        return best;
    }

    static void checkGamma(double gamma) {
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1], was " + gamma);
        }
    }

    static void checkPolicy(TabularModel model, int[] policy) {
        if (policy.length != model.stateCount()) {
            throw new IllegalArgumentException(
                    "policy needs one action per state (" + model.stateCount() + "), had " + policy.length);
        }
        for (int s = 0; s < policy.length; s++) {
            if (policy[s] < 0 || policy[s] >= model.actionCount()) {
                throw new IllegalArgumentException("policy action of state " + s + " must be in [0, "
                        + (model.actionCount() - 1) + "], was " + policy[s]);
            }
        }
    }

    /** {@code sum_s d0(s) * V(s)}. */
    static double fromInitialStates(TabularModel model, double[] values) {
        double[] initial = model.initialStateDistribution();
        double expected = 0;
        for (int s = 0; s < initial.length; s++) {
            if (initial[s] > 0) {
                expected += initial[s] * values[s];
            }
        }
        return expected;
    }
}
