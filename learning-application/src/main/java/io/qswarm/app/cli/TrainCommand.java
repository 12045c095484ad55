package io.qswarm.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.qswarm.app.runtime.Agent;
import io.qswarm.app.runtime.LearningCurve;
import io.qswarm.app.runtime.Task;
import io.qswarm.app.runtime.Training;
import io.qswarm.app.runtime.ValueFunctionChoice;
import io.qswarm.app.valuefunction.FetchValueFunctionParameters;
import io.qswarm.app.valuefunction.ValueFunctionParameters;
import io.qswarm.environments.Environment;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.FindQTableSummary;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.QTableSummary;
import io.qswarm.intelligence.valuefunction.Parameters;
import io.qswarm.intelligence.valuefunction.ValueFunctionSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Trains agents on an environment through the event store and reports how well their greedy policies do. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Train agents on an environment; every experience is stored as events.")
public class TrainCommand implements Callable<Integer> {

    @Option(
            names = "--env",
            required = true,
            description = "taxi | frozenlake | frozenlake8x8 | cliffwalking | market | routing",
            converter = TaskConverter.class)
    Task task;

    @Option(names = "--agents", defaultValue = "1", description = "number of agents (default: ${DEFAULT-VALUE})")
    int agents;

    @Option(names = "--episodes", defaultValue = "5000", description = "episodes per agent (default: ${DEFAULT-VALUE})")
    int episodes;

    @Option(names = "--seed", defaultValue = "42", description = "run seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--rule",
            defaultValue = "q",
            description = "q | sarsa | expected-sarsa (default: ${DEFAULT-VALUE})",
            converter = RuleConverter.class)
    LearningRule rule;

    @Option(names = "--alpha", defaultValue = "0.1", description = "learning rate (default: ${DEFAULT-VALUE})")
    double alpha;

    @Option(names = "--gamma", defaultValue = "0.99", description = "discount (default: ${DEFAULT-VALUE})")
    double gamma;

    @Option(names = "--epsilon", defaultValue = "1.0", description = "starting epsilon (default: ${DEFAULT-VALUE})")
    double epsilon;

    @Option(
            names = "--epsilon-decay",
            defaultValue = "0.999",
            description = "epsilon factor per episode; 1 keeps it constant (default: ${DEFAULT-VALUE})")
    double epsilonDecay;

    @Option(names = "--epsilon-min", defaultValue = "0.01", description = "epsilon floor (default: ${DEFAULT-VALUE})")
    double epsilonMin;

    @Option(
            names = "--eval-episodes",
            defaultValue = "1000",
            description = "greedy evaluation episodes per agent (default: ${DEFAULT-VALUE})")
    int evalEpisodes;

    @Option(names = "--threads", description = "agent threads (default: number of cores)")
    Integer threads;

    @Option(names = "--chunk", defaultValue = "1000", description = "experiences per batch (default: ${DEFAULT-VALUE})")
    int chunk;

    @Option(names = "--out", required = true, description = "directory for report.json, the plot and policies")
    Path out;

    @picocli.CommandLine.Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Option(
            names = "--market-config",
            description = "market environment configuration (JSON, see docs/environments.md)")
    Path marketConfig;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Option(
            names = "--value-function",
            description = "tables with a value function instead of flat tables (taxi, market): tabular | additive |"
                    + " hierarchical | low-rank | cp | tile-coding (see docs/value-functions.md)")
    String valueFunction;

    @Option(names = "--selector", description = "hierarchical: the regime selector feature (e.g. mood, passenger)")
    String selector;

    @Option(
            names = "--micro",
            split = ",",
            description = "hierarchical: micro-state features, in schema order (default: every other feature)")
    List<String> micro;

    @Option(
            names = "--micro-of",
            description = "hierarchical: the micro-state of one regime, REGIME=F,G (repeatable), e.g. taxi=taxi,dest")
    Map<String, String> microOf;

    @Option(names = "--rank", description = "low-rank, cp: the rank (default: 4)")
    Integer rank;

    @Option(names = "--vf-seed", description = "low-rank, cp: seed of the initial factors (default: 0)")
    Long valueFunctionSeed;

    @Option(names = "--tilings", description = "tile-coding: number of tilings (default: 8)")
    Integer tilings;

    @Option(names = "--size", description = "tile-coding: number of weights (default: 4096)")
    Integer size;

    @Option(
            names = "--tile-width",
            description = "tile-coding: tile width of a tiled feature, FEATURE=WIDTH (repeatable), e.g. price=3")
    Map<String, Double> tileWidths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ExplorationSchedule exploration = epsilonDecay >= 1.0
                ? ExplorationSchedule.constant(epsilon)
                : ExplorationSchedule.exponential(epsilon, epsilonDecay, Math.min(epsilonMin, epsilon));
        String runId = task.cliName() + "-s" + seed + "-" + Long.toHexString(System.currentTimeMillis());
        var settings = new Training.Settings(
                runId,
                agents,
                episodes,
                seed,
                rule,
                alpha,
                gamma,
                exploration,
                chunk,
                threads != null ? threads : Runtime.getRuntime().availableProcessors(),
                valueFunctionChoice());
        Supplier<Environment> environments = task.environments(marketConfig);
        ValueFunctionSpec valueFunctionSpec;
        try {
            valueFunctionSpec = Training.specOf(settings, environments.get());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--value-function: " + e.getMessage(), e);
        }
        Files.createDirectories(out);
        try (ConfigurableApplicationContext context = storeOptions.open(out.resolve("store"))) {
            CommandGateway commands = context.getBean(CommandGateway.class);
            var progress = new Training.Progress();
            var bar = Executors.newSingleThreadScheduledExecutor();
            long total = (long) agents * episodes;
            long started = System.nanoTime();
            if (!quiet) {
                bar.scheduleAtFixedRate(
                        () -> draw(System.err, progress, total, started), 0, 250, TimeUnit.MILLISECONDS);
            }
            Training.Result result;
            try {
                result = Training.run(settings, environments, commands::sendAndWait, progress);
            } finally {
                bar.shutdownNow();
                if (!quiet) {
                    draw(System.err, progress, total, started);
                    System.err.println();
                }
            }
            Map<String, Object> report = report(settings, result, context, environments);
            if (valueFunctionSpec != null) {
                report.put("valueFunction", valueFunctionSpec.describe());
                report.put("numbersStored", valueFunctionSpec.parameterCount());
            }
            writeOutputs(result, report);
            System.out.printf(
                    Locale.ROOT,
                    "greedy mean return %.3f%s over %d evaluation episodes; %d updates persisted in %.1f s%n"
                            + "report: %s%n",
                    (double) report.get("greedyMeanReturn"),
                    report.get("optimum") == null ? "" : " (optimum " + fmt((Double) report.get("optimum")) + ")",
                    evalEpisodes,
                    (long) report.get("updatesPersisted"),
                    result.wall().toMillis() / 1000.0,
                    out.resolve("report.json"));
        }
        return 0;
    }

    private Map<String, Object> report(
            Training.Settings settings,
            Training.Result result,
            ConfigurableApplicationContext context,
            Supplier<Environment> environments) {
        Tables.awaitReadModels(context, Duration.ofSeconds(120));
        QueryGateway queries = context.getBean(QueryGateway.class);
        var perAgent = new ArrayList<Map<String, Object>>();
        double sum = 0;
        long persisted = 0;
        for (int i = 0; i < result.agents().size(); i++) {
            Agent agent = result.agents().get(i);
            var random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (i + 1)));
            double evalSum = 0;
            for (int e = 0; e < evalEpisodes; e++) {
                evalSum += agent.evaluateEpisode(environments.get(), random, 10_000)
                        .totalReward();
            }
            double mean = evalSum / evalEpisodes;
            sum += mean;
            QTableSummary summary = persistedSummary(queries, agent);
            persisted += summary.updates();
            var row = new LinkedHashMap<String, Object>();
            row.put("table", agent.tableId().value());
            row.put("greedyMeanReturn", mean);
            task.exactReturn(agent.greedyPolicy()).ifPresent(exact -> row.put("exactGreedyReturn", exact));
            agent.parameters().ifPresent(parameters -> {
                row.put("parametersStored", parameters.size());
                row.put("parametersSha256", storedParametersSha256(queries, agent, parameters));
            });
            row.put("entries", summary.entries());
            row.put("updates", summary.updates());
            row.put("epsilon", summary.epsilon());
            perAgent.add(row);
        }
        var report = new LinkedHashMap<String, Object>();
        report.put("environment", task.cliName());
        report.put("agents", settings.agents());
        report.put("episodesPerAgent", settings.episodes());
        report.put("seed", settings.seed());
        report.put("rule", settings.rule());
        report.put("alpha", settings.alpha());
        report.put("gamma", settings.gamma());
        report.put("exploration", settings.exploration());
        report.put("evaluationEpisodes", evalEpisodes);
        report.put("greedyMeanReturn", sum / result.agents().size());
        report.put("optimum", task.optimum().isPresent() ? task.optimum().getAsDouble() : null);
        report.put("steps", result.steps());
        report.put("updatesPersisted", persisted);
        report.put("batches", result.batches());
        report.put("wallSeconds", result.wall().toMillis() / 1000.0);
        report.put("episodesPerSecond", settings.agents() * settings.episodes() / seconds(result.wall()));
        report.put("agentsReport", perAgent);
        return report;
    }

    /** The table's summary once the read models caught up; it must hold every update the agent recorded. */
    private static QTableSummary persistedSummary(QueryGateway queries, Agent agent) {
        QTableSummary summary = queries.query(
                        new FindQTableSummary(agent.tableId()), ResponseTypes.optionalInstanceOf(QTableSummary.class))
                .join()
                .orElseThrow(() -> new IllegalStateException("no read model for " + agent.tableId()));
        if (summary.updates() != agent.mirrorUpdates()) {
            throw new IllegalStateException("the store holds " + summary.updates() + " updates of " + agent.tableId()
                    + " but the agent recorded " + agent.mirrorUpdates());
        }
        return summary;
    }

    /**
     * The SHA-256 of the table's parameters as its stored events give them; they must be the agent's, bit for bit
     * (the mirror learned with the code the aggregate runs).
     */
    private static String storedParametersSha256(QueryGateway queries, Agent agent, Parameters mirror) {
        ValueFunctionParameters stored = queries.query(
                        new FetchValueFunctionParameters(agent.tableId()),
                        ResponseTypes.optionalInstanceOf(ValueFunctionParameters.class))
                .join()
                .orElseThrow(() -> new IllegalStateException("no stored table " + agent.tableId()));
        if (!mirror.sha256().equals(stored.parametersSha256())) {
            throw new IllegalStateException("the stored parameters of " + agent.tableId() + " (sha256 "
                    + stored.parametersSha256() + ") differ from the agent's (" + mirror.sha256() + ")");
        }
        return stored.parametersSha256();
    }

    /** The value function the options choose, or null for flat tables. */
    private ValueFunctionChoice valueFunctionChoice() {
        boolean settings = selector != null
                || micro != null
                || microOf != null
                || rank != null
                || valueFunctionSeed != null
                || tilings != null
                || size != null
                || tileWidths != null;
        if (valueFunction == null) {
            if (settings) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--selector, --micro, --micro-of, --rank, --vf-seed, --tilings, --size and --tile-width need"
                                + " --value-function");
            }
            return null;
        }
        Map<String, List<String>> byRegime = new LinkedHashMap<>();
        if (microOf != null) {
            microOf.forEach((regime, features) -> byRegime.put(regime, List.of(features.split(","))));
        }
        try {
            return new ValueFunctionChoice(
                    valueFunction, selector, micro, byRegime, rank, valueFunctionSeed, tilings, size, tileWidths);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--value-function: " + e.getMessage(), e);
        }
    }

    private void writeOutputs(Training.Result result, Map<String, Object> report) throws IOException {
        var json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        json.writeValue(out.resolve("report.json").toFile(), report);
        List<Double> curve = result.meanReturns();
        int window = Math.max(1, Math.min(100, curve.size() / 20));
        Files.writeString(
                out.resolve("learning-curve.svg"),
                LearningCurve.svg(task.cliName() + " — " + rule + ", " + agents + " agent(s)", curve, window, (Double)
                        report.get("optimum")));
        var csv = new StringBuilder("episode,mean_return\n");
        for (int e = 0; e < curve.size(); e++) {
            csv.append(e + 1).append(',').append(curve.get(e)).append('\n');
        }
        Files.writeString(out.resolve("learning-curve.csv"), csv);
        for (Agent agent : result.agents()) {
            int[] policy = agent.greedyPolicy();
            var byState = new LinkedHashMap<String, Integer>();
            for (int s = 0; s < policy.length; s++) {
                byState.put(Integer.toString(s), policy[s]);
            }
            json.writeValue(
                    out.resolve("policy-" + agent.tableId().value() + ".json").toFile(), byState);
        }
    }

    private static void draw(PrintStream err, Training.Progress progress, long total, long started) {
        long done = progress.episodes();
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        int width = 30;
        int filled = (int) (width * done / Math.max(1, total));
        err.printf(
                Locale.ROOT,
                "\r[%s%s] %d/%d episodes  %.0f ep/s  %.0f steps/s  last return %s   ",
                "=".repeat(filled),
                " ".repeat(width - filled),
                done,
                total,
                done / seconds,
                progress.steps() / seconds,
                fmt(progress.lastReturn()));
        err.flush();
    }

    private static double seconds(Duration duration) {
        return Math.max(1e-3, duration.toNanos() / 1e9);
    }

    private static String fmt(Double value) {
        return value == null || value.isNaN() ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }

    static final class TaskConverter implements picocli.CommandLine.ITypeConverter<Task> {
        @Override
        public Task convert(String value) {
            return Task.of(value);
        }
    }

    static final class RuleConverter implements picocli.CommandLine.ITypeConverter<LearningRule> {
        @Override
        public LearningRule convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "q", "q-learning", "q_learning" -> LearningRule.Q_LEARNING;
                case "sarsa" -> LearningRule.SARSA;
                case "expected-sarsa", "expected_sarsa" -> LearningRule.EXPECTED_SARSA;
                default -> throw new IllegalArgumentException(
                        "unknown rule '" + value + "'; known: q, sarsa, expected-sarsa");
            };
        }
    }
}
