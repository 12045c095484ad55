package io.qswarm.app.runtime;

import io.qswarm.environments.Environment;
import io.qswarm.environments.TabularModel;
import io.qswarm.environments.market.MarketConfig;
import io.qswarm.environments.market.MarketEnvironment;
import io.qswarm.environments.planning.HorizonEvaluation;
import io.qswarm.environments.planning.ValueIteration;
import io.qswarm.environments.routing.RoutingEnvironment;
import io.qswarm.environments.toytext.CliffWalkingEnvironment;
import io.qswarm.environments.toytext.FrozenLakeEnvironment;
import io.qswarm.environments.toytext.TaxiEnvironment;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/** The environments {@code ./qswarm train --env} knows, by their CLI names. */
public enum Task {
    TAXI("taxi", TaxiEnvironment::new),
    FROZENLAKE("frozenlake", () -> FrozenLakeEnvironment.fourByFour(true)),
    FROZENLAKE8X8("frozenlake8x8", () -> FrozenLakeEnvironment.eightByEight(true)),
    CLIFFWALKING("cliffwalking", CliffWalkingEnvironment::new),
    MARKET("market", MarketEnvironment::new),
    ROUTING("routing", RoutingEnvironment::new);

    private final String cliName;
    private final Supplier<Environment> factory;

    Task(String cliName, Supplier<Environment> factory) {
        this.cliName = cliName;
        this.factory = factory;
    }

    public String cliName() {
        return cliName;
    }

    public Environment newEnvironment() {
        return factory.get();
    }

    /**
     * Fresh environments, one per call; for the market, configured from {@code marketConfig} when given.
     *
     * @throws IllegalArgumentException when a market configuration is given for another task
     */
    public Supplier<Environment> environments(Path marketConfig) {
        if (marketConfig == null) {
            return factory;
        }
        if (this != MARKET) {
            throw new IllegalArgumentException("--market-config only applies to --env market");
        }
        MarketConfig config = MarketConfig.load(marketConfig);
        return () -> new MarketEnvironment(config);
    }

    public static Task of(String name) {
        return Arrays.stream(values())
                .filter(task -> task.cliName.equals(name.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown environment '" + name + "'; known: "
                        + Arrays.stream(values()).map(Task::cliName).toList()));
    }

    /** The known dynamics, for tabular tasks. */
    public Optional<TabularModel> model() {
        Environment environment = newEnvironment();
        return environment instanceof TabularModel model ? Optional.of(model) : Optional.empty();
    }

    /**
     * The best achievable mean undiscounted return from the initial-state distribution, within the time limit when
     * there is one; empty for tasks without known dynamics.
     */
    public OptionalDouble optimum() {
        Environment environment = newEnvironment();
        if (!(environment instanceof TabularModel model)) {
            return OptionalDouble.empty();
        }
        if (environment.timeLimit().isPresent()) {
            return OptionalDouble.of(HorizonEvaluation.optimalExpectedReturn(
                    model, environment.timeLimit().getAsInt(), 1.0));
        }
        return OptionalDouble.of(ValueIteration.solve(model, 1.0).expectedReturn(model));
    }

    /** The exact expected return of a deterministic policy within the time limit, for tabular tasks with one. */
    public OptionalDouble exactReturn(int[] policy) {
        Environment environment = newEnvironment();
        if (environment instanceof TabularModel model && environment.timeLimit().isPresent()) {
            return OptionalDouble.of(HorizonEvaluation.expectedReturn(
                    model, policy, environment.timeLimit().getAsInt(), 1.0));
        }
        return OptionalDouble.empty();
    }
}
