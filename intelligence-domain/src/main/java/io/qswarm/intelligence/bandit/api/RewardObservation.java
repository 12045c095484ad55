package io.qswarm.intelligence.bandit.api;

/**
 * The answer to {@link ObserveBanditReward}.
 *
 * @param duplicate the decision had been rewarded before; nothing changed
 * @param modelVersion the model version after the command
 * @param guardTripped whether decisions must now come from the default policy
 */
public record RewardObservation(boolean duplicate, long modelVersion, boolean guardTripped) {}
