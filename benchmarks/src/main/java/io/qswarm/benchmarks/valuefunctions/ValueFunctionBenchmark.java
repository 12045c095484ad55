package io.qswarm.benchmarks.valuefunctions;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Trains every value-function kind with Q-learning on Taxi-v3 (factored into taxi cell, passenger, destination) and
 * on the market, several seeds each, and reports per kind: numbers stored, episodes to convergence, greedy return
 * (exact for Taxi) and wall time. Also fits each kind to Taxi's exact Q* (can it represent a good policy at all?)
 * and trains a communication table on the market. Writes {@code value-functions.md} (tables) and
 * {@code value-functions.csv} (every checkpoint of every run) to {@code --out}. Results are recorded in
 * {@code docs/value-functions.md}; {@code scripts/value-functions.sh} runs it.
 */
public final class ValueFunctionBenchmark {

    /** Taxi is scored exactly: convergence on the raw greedy return. */
    static final int TAXI_WINDOW = 1;

    /** Market scores are noisy: convergence on the mean of the last 5 checkpoints. */
    static final int MARKET_WINDOW = 5;

    /** Episodes of the untimed run before each candidate's measured runs. */
    static final int WARM_UP_EPISODES = 300;

    private ValueFunctionBenchmark() {}

    public static void main(String[] args) throws IOException {
        ValueFunctionParameters parameters;
        try {
            parameters = ValueFunctionParameters.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Report report = run(parameters, System.out);
        if (parameters.out() != null) {
            Files.createDirectories(parameters.out());
            Files.writeString(parameters.out().resolve("value-functions.md"), report.markdown());
            Files.writeString(parameters.out().resolve("value-functions.csv"), report.csv());
            System.out.println("wrote " + parameters.out().resolve("value-functions.md") + " and .csv");
        }
    }

    /** Everything measured, rendered. */
    record Report(
            List<TaskResult> tasks,
            List<Distillation.Fit> fits,
            CommunicationBenchmark.Result communication,
            String markdown,
            String csv) {}

    /**
     * One task's summaries (flat first) and every run.
     *
     * @param yardstick a hand-written policy's score, when the optimum is unknown (else null)
     */
    record TaskResult(
            String task,
            double reference,
            String referenceName,
            int window,
            MarketTask.ReferencePolicy yardstick,
            List<KindSummary> kinds,
            List<QLearning.Run> runs) {}

    static Report run(ValueFunctionParameters parameters, PrintStream log) {
        var results = new ArrayList<TaskResult>();
        var fits = new ArrayList<Distillation.Fit>();
        if (parameters.tasks().contains("taxi")) {
            TaxiTask taxi = TaxiTask.standard();
            List<Candidate> candidates = selected(Candidates.taxi(), parameters);
            double optimum = taxi.optimum().orElseThrow();
            results.add(runTask(taxi, candidates, parameters.taxiEpisodes(), parameters, optimum, null, log));
            if (parameters.distillSweeps() > 0) {
                for (Candidate candidate : candidates) {
                    Distillation.Fit fit =
                            Distillation.fit(taxi, candidate, parameters.distillSweeps(), parameters.seed());
                    fits.add(fit);
                    log.printf(
                            Locale.ROOT,
                            "Taxi-v3 fit to Q* | %-48s | rmse %.3f | wrong greedy states %d + %d | greedy %.3f%n",
                            fit.label(),
                            fit.rmse(),
                            fit.wrongWhileWaiting(),
                            fit.wrongWhileCarrying(),
                            fit.greedyReturn());
                }
            }
        }
        if (parameters.tasks().contains("market")) {
            MarketTask market = MarketTask.standard(parameters.marketEvaluationEpisodes());
            results.add(runTask(
                    market,
                    selected(Candidates.market(market.schema()), parameters),
                    parameters.marketEpisodes(),
                    parameters,
                    Double.NaN,
                    market.bestMoodPolicy(),
                    log));
        }
        CommunicationBenchmark.Result communication = null;
        if (parameters.communicationSteps() > 0) {
            communication = CommunicationBenchmark.run(
                    parameters.communicationSteps(),
                    Math.max(1_000, parameters.communicationSteps() / 4),
                    parameters.seed());
        }
        String markdown = ValueFunctionReport.markdown(parameters, results, fits, communication);
        log.println();
        log.println(markdown);
        return new Report(
                List.copyOf(results), List.copyOf(fits), communication, markdown, ValueFunctionReport.csv(results));
    }

    /** The flat reference and the candidates {@code --only} selects. */
    private static List<Candidate> selected(List<Candidate> candidates, ValueFunctionParameters parameters) {
        var selected = new ArrayList<Candidate>();
        selected.add(candidates.get(0));
        candidates.stream().skip(1).filter(parameters::selected).forEach(selected::add);
        return selected;
    }

    /**
     * Trains every candidate on every seed (after one untimed warm-up run per candidate, so that wall times do not
     * include JIT compilation). The reference — the return each kind is compared with and converges towards — is
     * the optimum when known ({@code optimum} not NaN), otherwise the flat table's mean final greedy return.
     */
    private static TaskResult runTask(
            FactoredTask task,
            List<Candidate> candidates,
            int episodes,
            ValueFunctionParameters parameters,
            double optimum,
            MarketTask.ReferencePolicy yardstick,
            PrintStream log) {
        boolean known = !Double.isNaN(optimum);
        int window = known ? TAXI_WINDOW : MARKET_WINDOW;
        int flatParameters = candidates.get(0).spec().parameterCount();
        var runsByCandidate = new ArrayList<List<QLearning.Run>>();
        var allRuns = new ArrayList<QLearning.Run>();
        for (Candidate candidate : candidates) {
            QLearning.train(task, candidate, parameters.seed() - 1, Math.min(WARM_UP_EPISODES, episodes), episodes);
            var runs = new ArrayList<QLearning.Run>();
            for (int s = 0; s < parameters.seeds(); s++) {
                long seed = parameters.seed() + s;
                QLearning.Run run = QLearning.train(task, candidate, seed, episodes, parameters.checkpointEvery());
                runs.add(run);
                log.printf(
                        Locale.ROOT,
                        "%s | %-48s | seed %d | %6d numbers | greedy %9.3f | %6.1f s | %,d steps%n",
                        task.name(),
                        candidate.label(),
                        seed,
                        candidate.spec().parameterCount(),
                        run.last().greedyReturn(),
                        run.trainingNanos() / 1e9,
                        run.steps());
            }
            runsByCandidate.add(runs);
            allRuns.addAll(runs);
        }
        double reference = known
                ? optimum
                : runsByCandidate.get(0).stream()
                        .mapToDouble(run -> run.last().greedyReturn())
                        .average()
                        .orElseThrow();
        var kinds = new ArrayList<KindSummary>();
        for (List<QLearning.Run> runs : runsByCandidate) {
            kinds.add(KindSummary.of(runs, flatParameters, reference, window));
        }
        return new TaskResult(
                task.name(),
                reference,
                known ? "optimum" : "flat table's mean final greedy return",
                window,
                yardstick,
                List.copyOf(kinds),
                List.copyOf(allRuns));
    }
}
