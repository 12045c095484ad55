package io.qswarm.environments.planning;

import io.qswarm.environments.TabularModel;
import io.qswarm.environments.toytext.CliffWalkingEnvironment;
import io.qswarm.environments.toytext.FrozenLakeEnvironment;
import io.qswarm.environments.toytext.TaxiEnvironment;
import io.qswarm.environments.toytext.ToyTextEnvironment;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Prints the optimal figures of the toy-text environments quoted in {@code docs/environments.md}.
 *
 * <pre>
 * cd environments && java -cp target/classes io.qswarm.environments.planning.OptimaReport
 * </pre>
 */
public final class OptimaReport {

    private OptimaReport() {}

    public static void main(String[] args) {
        print(System.out);
    }

    /** One line per environment: infinite-horizon optimum (gamma 1) and optimum within the time limit. */
    public static void print(PrintStream out) {
        List<ToyTextEnvironment> environments = List.of(
                new TaxiEnvironment(),
                new CliffWalkingEnvironment(),
                FrozenLakeEnvironment.fourByFour(true),
                FrozenLakeEnvironment.fourByFour(false),
                FrozenLakeEnvironment.eightByEight(true),
                FrozenLakeEnvironment.eightByEight(false));
        out.println(
                "environment                         sweeps  V*(d0) gamma=1   greedy within limit   optimum within limit");
        for (ToyTextEnvironment environment : environments) {
            out.println(line(environment));
        }
    }

    static String line(ToyTextEnvironment environment) {
        TabularModel model = environment;
        OptimalSolution solution = ValueIteration.solve(model, 1.0);
        int limit = environment.timeLimit().orElse(0);
        String greedyWithin = "-";
        String optimumWithin = "-";
        if (limit > 0) {
            greedyWithin = format(HorizonEvaluation.expectedReturn(model, solution.policy(), limit, 1.0));
            optimumWithin = format(HorizonEvaluation.optimalExpectedReturn(model, limit, 1.0));
        }
        return String.format(
                Locale.ROOT,
                "%-35s %6d  %14s   %19s   %20s",
                environment.name() + (limit > 0 ? " (limit " + limit + ")" : ""),
                solution.sweeps(),
                format(solution.expectedReturn(model)),
                greedyWithin,
                optimumWithin);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
