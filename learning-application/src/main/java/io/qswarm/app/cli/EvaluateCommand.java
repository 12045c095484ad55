package io.qswarm.app.cli;

import io.qswarm.app.runtime.StoredPolicy;
import io.qswarm.app.runtime.Task;
import io.qswarm.app.valuefunction.ValueFunctionParameters;
import io.qswarm.environments.Environment;
import io.qswarm.intelligence.api.QTableExport;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Plays a stored table's greedy policy on its environment: a flat table's from its entries, a table with a value
 * function's from the function (its spec and the parameters its stored events give), states read in its schema.
 */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = "Evaluate a stored table's greedy policy over N episodes.")
public class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--table", required = true, description = "table id")
    String table;

    @Option(
            names = "--env",
            required = true,
            description = "taxi | frozenlake | frozenlake8x8 | cliffwalking | market | routing",
            converter = TrainCommand.TaskConverter.class)
    Task task;

    @Option(names = "--episodes", defaultValue = "1000", description = "episodes (default: ${DEFAULT-VALUE})")
    int episodes;

    @Option(names = "--seed", defaultValue = "42", description = "environment seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--market-config", description = "market configuration (JSON) for --env market")
    Path marketConfig;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Override
    public Integer call() {
        if (episodes < 1) {
            throw new IllegalArgumentException("--episodes must be at least 1");
        }
        try (var context = store.open(Path.of("data"))) {
            QTableExport export = Tables.export(context, table);
            Optional<ValueFunctionParameters> function = Tables.valueFunction(context, table);
            var policy = function.isPresent()
                    ? new StoredPolicy(
                            export.actions(), Tables.functionOf(function.get().parameters()))
                    : new StoredPolicy(export);
            Environment environment = task.environments(marketConfig).get();
            double mean = policy.meanReturn(environment, episodes, seed, 10_000);
            System.out.printf(
                    Locale.ROOT,
                    "table %s%s on %s: greedy mean return %.4f over %d episodes",
                    table,
                    function.map(f -> " (" + f.parameters().spec().describe() + ")")
                            .orElse(""),
                    environment.name(),
                    mean,
                    episodes);
            task.exactReturn(policy.policy(environment))
                    .ifPresent(exact -> System.out.printf(Locale.ROOT, "; exact %.4f", exact));
            task.optimum().ifPresent(optimum -> System.out.printf(Locale.ROOT, "; optimum %.4f", optimum));
            System.out.println();
        }
        return 0;
    }
}
