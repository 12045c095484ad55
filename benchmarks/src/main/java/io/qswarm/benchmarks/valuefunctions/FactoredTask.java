package io.qswarm.benchmarks.valuefunctions;

import io.qswarm.environments.Environment;
import io.qswarm.intelligence.valuefunction.FeatureSchema;
import io.qswarm.intelligence.valuefunction.StateFeatures;
import java.util.OptionalDouble;

/**
 * A task whose states are read into features: the environment, its feature schema, the features of every state
 * (parsed once from the state keys), the learning settings, and how a greedy policy is scored.
 */
interface FactoredTask {

    String name();

    Environment newEnvironment();

    FeatureSchema schema();

    /** The features of environment state {@code state}. */
    StateFeatures features(int state);

    int stateCount();

    int actionCount();

    /** Base cost of each action, for the greedy tie-break (cheapest, then declaration order). */
    double baseCost(int action);

    LearningSettings settings();

    /** The return of a deterministic policy (one action per state). */
    Evaluation evaluate(int[] policy);

    /** The best achievable return, when known. */
    OptionalDouble optimum();

    /** How a policy scored: the mean return and its standard error (0 when exact). */
    record Evaluation(double meanReturn, double standardError) {}

    /**
     * Q-learning settings: discount, step size {@code α_e = max(alphaMin, alpha·alphaDecay^e)} and ε-greedy schedule
     * {@code ε_e = max(epsilonMin, epsilonStart·epsilonDecay^e)} in episode {@code e}.
     */
    record LearningSettings(
            double gamma,
            double alpha,
            double alphaDecay,
            double alphaMin,
            double epsilonStart,
            double epsilonDecay,
            double epsilonMin) {
        double alpha(int episode) {
            return Math.max(alphaMin, alpha * Math.pow(alphaDecay, episode));
        }

        double epsilon(int episode) {
            return Math.max(epsilonMin, epsilonStart * Math.pow(epsilonDecay, episode));
        }
    }
}
