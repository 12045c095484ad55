package io.qswarm.intelligence.bandit;

/** A decision of a bandit rule: the chosen action's index and the probability the rule gave it. */
public record Decision(int action, double propensity) {}
