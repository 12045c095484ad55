package io.qswarm.benchmarks.valuefunctions;

import io.qswarm.environments.Transition;
import io.qswarm.environments.planning.OptimalSolution;
import io.qswarm.environments.planning.ValueIteration;
import io.qswarm.environments.toytext.TaxiEnvironment;
import io.qswarm.intelligence.valuefunction.ValueFunction;
import java.util.SplittableRandom;

/**
 * Can a kind <em>represent</em> a good Taxi policy at all? Fits each value function by supervised TD steps towards the
 * exact optimal action values {@code Q*(s, a)} (value iteration, γ 0.99) over every state an episode can be in (the
 * 400 where the passenger is not already waiting at the destination), in a seeded random order per sweep, with a
 * decaying step size; then scores its greedy policy exactly. Online Q-learning failing where distillation succeeds
 * is a learning problem; both failing is a representation problem.
 */
final class Distillation {

    /**
     * The fit: root-mean-square error against Q* over the fitted pairs, the states (of 300 with the passenger
     * waiting, and of 100 with the passenger in the taxi) whose greedy action is not optimal, and the exact greedy
     * return.
     */
    record Fit(
            String label,
            int parameters,
            int sweeps,
            double rmse,
            int wrongWhileWaiting,
            int wrongWhileCarrying,
            double greedyReturn) {}

    static final double GAMMA = 0.99;

    private Distillation() {}

    static Fit fit(TaxiTask task, Candidate candidate, int sweeps, long seed) {
        var model = new TaxiEnvironment();
        OptimalSolution solution = ValueIteration.solve(model, GAMMA);
        int actions = model.actionCount();
        int[] states = reachable();
        double[][] optimal = new double[TaxiEnvironment.STATES][actions];
        for (int s : states) {
            for (int a = 0; a < actions; a++) {
                double q = 0;
                for (Transition t : model.transitions(s, a)) {
                    q += t.probability() * (t.reward() + (t.terminal() ? 0 : GAMMA * solution.value(t.nextState())));
                }
                optimal[s][a] = q;
            }
        }
        ValueFunction f = candidate.spec().create();
        var rng = new SplittableRandom(seed);
        int pairs = states.length * actions;
        int[] order = new int[pairs];
        for (int i = 0; i < pairs; i++) {
            order[i] = i;
        }
        for (int sweep = 0; sweep < sweeps; sweep++) {
            double alpha = 0.5 / (1.0 + sweep / 25.0);
            for (int i = pairs - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            for (int pair : order) {
                int s = states[pair / actions];
                int a = pair % actions;
                f.update(task.features(s), a, optimal[s][a], alpha);
            }
        }
        double squares = 0;
        for (int s : states) {
            for (int a = 0; a < actions; a++) {
                double error = f.value(task.features(s), a) - optimal[s][a];
                squares += error * error;
            }
        }
        int[] policy = QLearning.greedyPolicy(task, f);
        int wrongWaiting = 0;
        int wrongCarrying = 0;
        for (int s : states) {
            double best = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < actions; a++) {
                best = Math.max(best, optimal[s][a]);
            }
            if (optimal[s][policy[s]] < best - 1e-9) {
                if (TaxiEnvironment.decode(s).passengerLocation() == TaxiEnvironment.IN_TAXI) {
                    wrongCarrying++;
                } else {
                    wrongWaiting++;
                }
            }
        }
        double greedy = task.evaluate(policy).meanReturn();
        return new Fit(
                candidate.label(),
                f.parameterCount(),
                sweeps,
                Math.sqrt(squares / pairs),
                wrongWaiting,
                wrongCarrying,
                greedy);
    }

    static int[] reachable() {
        return java.util.stream.IntStream.range(0, TaxiEnvironment.STATES)
                .filter(s -> {
                    TaxiEnvironment.TaxiState taxi = TaxiEnvironment.decode(s);
                    return taxi.passengerLocation() == TaxiEnvironment.IN_TAXI
                            || taxi.passengerLocation() != taxi.destination();
                })
                .toArray();
    }
}
