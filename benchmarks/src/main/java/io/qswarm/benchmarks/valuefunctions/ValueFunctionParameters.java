package io.qswarm.benchmarks.valuefunctions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The harness's options. Defaults are the full-scale run of {@code scripts/value-functions.sh}.
 *
 * @param only labels (substring match) of the candidates to run; empty runs all
 */
record ValueFunctionParameters(
        int taxiEpisodes,
        int marketEpisodes,
        int checkpointEvery,
        int seeds,
        long seed,
        int marketEvaluationEpisodes,
        int communicationSteps,
        int distillSweeps,
        List<String> tasks,
        List<String> only,
        Path out) {

    static final String USAGE = "options: --taxi-episodes N (10000) --market-episodes N (20000) --checkpoint-every N"
            + " (100) --seeds N (3) --seed N (1) --market-eval-episodes N (1000) --communication-steps N (400000)"
            + " --distill-sweeps N (300) --tasks taxi,market --only LABEL[,LABEL] --out DIR";

    ValueFunctionParameters {
        positive("taxi-episodes", taxiEpisodes);
        positive("market-episodes", marketEpisodes);
        positive("checkpoint-every", checkpointEvery);
        positive("seeds", seeds);
        if (marketEvaluationEpisodes < 2) {
            throw new IllegalArgumentException("--market-eval-episodes must be >= 2, was " + marketEvaluationEpisodes);
        }
        if (communicationSteps < 0 || distillSweeps < 0) {
            throw new IllegalArgumentException("--communication-steps and --distill-sweeps must be >= 0");
        }
        tasks = List.copyOf(tasks);
        for (String task : tasks) {
            if (!task.equals("taxi") && !task.equals("market")) {
                throw new IllegalArgumentException("--tasks takes taxi and/or market, was " + task);
            }
        }
        only = List.copyOf(only);
    }

    static ValueFunctionParameters defaults() {
        return new ValueFunctionParameters(
                10_000, 20_000, 100, 3, 1L, 1_000, 400_000, 300, List.of("taxi", "market"), List.of(), null);
    }

    static ValueFunctionParameters parse(String... args) {
        ValueFunctionParameters p = defaults();
        int taxi = p.taxiEpisodes;
        int market = p.marketEpisodes;
        int every = p.checkpointEvery;
        int seeds = p.seeds;
        long seed = p.seed;
        int evaluation = p.marketEvaluationEpisodes;
        int communication = p.communicationSteps;
        int distill = p.distillSweeps;
        List<String> tasks = p.tasks;
        List<String> only = new ArrayList<>();
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value; " + USAGE);
            }
            String value = args[++i];
            switch (option) {
                case "--taxi-episodes" -> taxi = integer(option, value);
                case "--market-episodes" -> market = integer(option, value);
                case "--checkpoint-every" -> every = integer(option, value);
                case "--seeds" -> seeds = integer(option, value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--market-eval-episodes" -> evaluation = integer(option, value);
                case "--communication-steps" -> communication = integer(option, value);
                case "--distill-sweeps" -> distill = integer(option, value);
                case "--tasks" -> tasks = List.of(value.split(","));
                case "--only" -> only = List.of(value.split(","));
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + option + "; " + USAGE);
            }
        }
        return new ValueFunctionParameters(
                taxi, market, every, seeds, seed, evaluation, communication, distill, tasks, only, out);
    }

    boolean selected(Candidate candidate) {
        return only.isEmpty()
                || only.stream().anyMatch(label -> candidate.label().contains(label));
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs an integer, was '" + value + "'");
        }
    }

    private static void positive(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("--" + option + " must be >= 1, was " + value);
        }
    }
}
