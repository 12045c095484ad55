package io.qswarm.environments;

import java.util.List;

/**
 * The known dynamics of a finite environment, as Gymnasium's toy-text environments expose them: for every state and
 * action the list of possible transitions (entries are not merged, so a list may hold the same next state twice,
 * exactly as {@code P[s][a]} does), and the initial-state distribution.
 */
public interface TabularModel {

    int stateCount();

    int actionCount();

    /** The transitions of {@code action} in {@code state}; their probabilities sum to 1. */
    List<Transition> transitions(int state, int action);

    /** Probability of each state being the first of an episode (a fresh copy; sums to 1). */
    double[] initialStateDistribution();
}
