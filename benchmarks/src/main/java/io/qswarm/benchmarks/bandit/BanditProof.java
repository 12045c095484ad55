package io.qswarm.benchmarks.bandit;

import io.qswarm.benchmarks.bandit.BanditProofResults.OffPolicyResult;
import io.qswarm.benchmarks.bandit.BanditProofResults.SeedRegret;
import io.qswarm.benchmarks.bandit.BanditProofResults.SweepPoint;
import io.qswarm.benchmarks.bandit.BanditProofResults.WarmStart;
import io.qswarm.intelligence.bandit.BanditPosterior;
import io.qswarm.intelligence.bandit.LinUcb;
import io.qswarm.intelligence.bandit.LoggedInteractionReader;
import io.qswarm.intelligence.bandit.LoggedSample;
import io.qswarm.intelligence.bandit.OffPolicyEvaluation;
import io.qswarm.intelligence.bandit.TargetPolicy;
import io.qswarm.intelligence.bandit.api.LoggedInteraction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The contextual-bandit proof of docs/bandits.md on a synthetic linear bandit ({@link LinearBanditProblem}):
 *
 * <ol>
 *   <li><b>Sweep</b>: regret of LinUCB and LinTS for each {@code α} and {@code v} of the sweep, on the tuning problems
 *       (seeds 101..100+n, where the defaults were chosen) and, as a sensitivity check, on the report problems at the
 *       full horizon;
 *   <li><b>Regret</b>: cumulative regret curves of LinUCB and LinTS on each report seed (LinTS also drawing whole
 *       parameter vectors), their ratio and growth ({@code R_T/√T}, log-log slope);
 *   <li><b>Warm start</b>: regret over the first steps with and without a warm start from a log of the
 *       {@link LoggingPolicy}, written as JSON lines and read back with the domain's {@link LoggedInteractionReader};
 *   <li><b>Off-policy evaluation</b>: IPS, SNIPS and doubly-robust estimates of two target policies from a log with
 *       known propensities, against their true values.
 * </ol>
 *
 * Everything is seeded: the same arguments print the same figures. Results go to {@code bandit-proof.md} and
 * {@code bandit-regret.csv} in the results directory.
 */
public final class BanditProof {

    private BanditProof() {}

    public static void main(String[] args) {
        int status = 0;
        try {
            BanditProofResults results = run(BanditProofParameters.parse(args));
            System.out.println(BanditProofReport.markdown(results));
        } catch (IllegalArgumentException e) {
            System.err.println("bandit-proof: " + e.getMessage());
            status = 2;
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    public static BanditProofResults run(BanditProofParameters parameters) throws IOException {
        long started = System.nanoTime();
        Path results = Files.createDirectories(parameters.resultsDirectory());
        List<SweepPoint> sweep = sweep(parameters);
        var seeds = new ArrayList<SeedRegret>();
        for (long seed = 1; seed <= parameters.seeds(); seed++) {
            seeds.add(regret(parameters, seed));
            progress("regret of seed " + seed + " done");
        }
        List<WarmStart> warmStarts = warmStarts(parameters, results.resolve("bandit-logs"));
        var offPolicy = new ArrayList<OffPolicyResult>();
        for (long seed = 1; seed <= parameters.seeds(); seed++) {
            offPolicy.addAll(offPolicy(parameters, seed));
        }
        progress("off-policy evaluation done");
        var outcome = new BanditProofResults(
                parameters, sweep, seeds, warmStarts, offPolicy, (System.nanoTime() - started) / 1e9);
        Files.writeString(results.resolve("bandit-proof.md"), BanditProofReport.markdown(outcome));
        Files.writeString(results.resolve("bandit-regret.csv"), BanditProofReport.csv(outcome));
        return outcome;
    }

    static LinearBanditProblem problem(BanditProofParameters parameters, long seed) {
        return new LinearBanditProblem(parameters.dimension(), parameters.actions(), parameters.noise(), seed);
    }

    static BanditPosterior prior(BanditProofParameters parameters, LinearBanditProblem problem) {
        return new BanditPosterior(problem.actionNames(), parameters.dimension(), parameters.ridge());
    }

    /** The prior of {@code rule}: LinTS (either form) takes its own ridge ({@code --ridge-ts}, default: the ridge). */
    static BanditPosterior prior(BanditProofParameters parameters, LinearBanditProblem problem, DecisionRule rule) {
        return rule.name().startsWith("LinTS")
                ? new BanditPosterior(problem.actionNames(), parameters.dimension(), parameters.ridgeTs())
                : prior(parameters, problem);
    }

    /** Seeds of the tuning problems: disjoint from the report seeds 1..n. */
    static final long TUNING_SEEDS = 100;

    private static List<SweepPoint> sweep(BanditProofParameters parameters) {
        var points = new ArrayList<SweepPoint>();
        for (double value : parameters.sweep()) {
            for (DecisionRule rule : List.of(DecisionRule.linUcb(value), DecisionRule.linTs(value))) {
                double tuning = meanRegret(parameters, rule, TUNING_SEEDS, parameters.sweepHorizon());
                double report = meanRegret(parameters, rule, 0, parameters.horizon());
                points.add(
                        new SweepPoint(rule.name().startsWith("LinUCB") ? "LinUCB" : "LinTS", value, tuning, report));
            }
            progress("sweep at " + value + " done");
        }
        return points;
    }

    /** Mean regret at {@code horizon} over the problems {@code offset + 1 .. offset + seeds}. */
    private static double meanRegret(BanditProofParameters parameters, DecisionRule rule, long offset, int horizon) {
        double sum = 0;
        for (long seed = offset + 1; seed <= offset + parameters.seeds(); seed++) {
            LinearBanditProblem problem = problem(parameters, seed);
            sum += RegretRun.run(
                            problem, rule, prior(parameters, problem, rule), List.of(horizon), 1000 + seed, 2000 + seed)
                    .last();
        }
        return sum / parameters.seeds();
    }

    private static SeedRegret regret(BanditProofParameters parameters, long seed) {
        LinearBanditProblem problem = problem(parameters, seed);
        List<Integer> checkpoints = parameters.checkpoints();
        DecisionRule linUcb = DecisionRule.linUcb(parameters.alpha());
        DecisionRule linTs = DecisionRule.linTs(parameters.scale());
        DecisionRule thetaDraws = DecisionRule.linTsSampledParameters(parameters.scale());
        RegretCurve ucb = RegretRun.run(
                problem, linUcb, prior(parameters, problem, linUcb), checkpoints, 1000 + seed, 2000 + seed);
        RegretCurve ts =
                RegretRun.run(problem, linTs, prior(parameters, problem, linTs), checkpoints, 1000 + seed, 2000 + seed);
        RegretCurve draws = RegretRun.run(
                problem,
                thetaDraws,
                prior(parameters, problem, thetaDraws),
                List.of(parameters.horizon()),
                1000 + seed,
                2000 + seed);
        return new SeedRegret(seed, ucb, ts, draws.last());
    }

    private static List<WarmStart> warmStarts(BanditProofParameters parameters, Path logs) throws IOException {
        Files.createDirectories(logs);
        List<Integer> early = BanditProofParameters.checkpointsUpTo(parameters.earlySteps());
        var out = new ArrayList<WarmStart>();
        for (int size : parameters.warmLogs()) {
            double[] cold = new double[2];
            double[] warm = new double[2];
            for (long seed = 1; seed <= parameters.seeds(); seed++) {
                LinearBanditProblem problem = problem(parameters, seed);
                List<LoggedInteraction> log =
                        LoggingPolicy.standard(problem, 3000 + seed).log(size, 4000 + 31 * seed + size);
                Path file = logs.resolve("warm-start-seed" + seed + "-n" + size + ".jsonl");
                writeJsonLines(file, log);
                List<LoggedInteraction> read = LoggedInteractionReader.read(file);
                List<DecisionRule> rules =
                        List.of(DecisionRule.linUcb(parameters.alpha()), DecisionRule.linTs(parameters.scale()));
                for (int r = 0; r < rules.size(); r++) {
                    BanditPosterior prior = prior(parameters, problem, rules.get(r));
                    BanditPosterior warmed = prior.copy();
                    for (LoggedInteraction interaction : read) {
                        LoggedSample sample = LoggedSample.of(interaction, problem.actionNames());
                        warmed.observe("log-" + seed, sample.action(), sample.context(), sample.reward());
                    }
                    cold[r] += RegretRun.run(problem, rules.get(r), prior, early, 1000 + seed, 2000 + seed)
                            .last();
                    warm[r] += RegretRun.run(problem, rules.get(r), warmed, early, 1000 + seed, 2000 + seed)
                            .last();
                }
            }
            out.add(new WarmStart(size, "LinUCB", cold[0] / parameters.seeds(), warm[0] / parameters.seeds()));
            out.add(new WarmStart(size, "LinTS", cold[1] / parameters.seeds(), warm[1] / parameters.seeds()));
            progress("warm start from " + size + " logged interactions done");
        }
        return out;
    }

    /** Target policies: greedy for a ridge model fitted on 300 uniformly logged interactions, and 20%-greedy. */
    private static List<OffPolicyResult> offPolicy(BanditProofParameters parameters, long seed) {
        LinearBanditProblem problem = problem(parameters, seed);
        int actions = problem.actions();
        BanditPosterior model = prior(parameters, problem);
        var fit = new SplittableRandom(6000 + seed);
        for (int i = 0; i < 300; i++) {
            double[] x = problem.context(fit);
            int a = fit.nextInt(actions);
            model.observe("fit", a, x, problem.reward(a, x, fit));
        }
        var greedy = new LinUcb(0.0);
        TargetPolicy deterministic = TargetPolicy.deterministic(x -> greedy.choose(model, x));
        TargetPolicy exploring = (x, p) -> {
            Arrays.fill(p, 0.2 / actions);
            p[greedy.choose(model, x)] += 0.8;
        };
        List<LoggedSample> log =
                LoggingPolicy.standard(problem, 3000 + seed).log(parameters.opeLog(), 5000 + seed).stream()
                        .map(interaction -> LoggedSample.of(interaction, problem.actionNames()))
                        .toList();
        var out = new ArrayList<OffPolicyResult>();
        for (var target :
                List.of(java.util.Map.entry("greedy", deterministic), java.util.Map.entry("20%-greedy", exploring))) {
            double truth = trueValue(problem, target.getValue(), parameters.truthContexts(), 7000 + seed);
            out.add(new OffPolicyResult(
                    seed,
                    target.getKey(),
                    truth,
                    OffPolicyEvaluation.inversePropensityScoring(log, target.getValue(), actions),
                    OffPolicyEvaluation.selfNormalizedInversePropensityScoring(log, target.getValue(), actions),
                    OffPolicyEvaluation.doublyRobust(log, target.getValue(), actions, parameters.ridge(), 2)));
        }
        return out;
    }

    /** {@code V(π) = E_x[Σ_a π(a|x) θ_aᵀx]} over fresh contexts (no reward noise). */
    static double trueValue(LinearBanditProblem problem, TargetPolicy target, int contexts, long seed) {
        var random = new SplittableRandom(seed);
        var p = new double[problem.actions()];
        double sum = 0;
        for (int i = 0; i < contexts; i++) {
            double[] x = problem.context(random);
            target.probabilities(x, p);
            for (int k = 0; k < p.length; k++) {
                if (p[k] != 0) {
                    sum += p[k] * problem.expectedReward(k, x);
                }
            }
        }
        return sum / contexts;
    }

    static void writeJsonLines(Path file, List<LoggedInteraction> log) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (LoggedInteraction interaction : log) {
                out.write("{\"context\":[");
                List<Double> x = interaction.context();
                for (int i = 0; i < x.size(); i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    out.write(Double.toString(x.get(i)));
                }
                out.write(String.format(
                        Locale.ROOT,
                        "],\"action\":\"%s\",\"reward\":%s,\"propensity\":%s}\n",
                        interaction.action(),
                        Double.toString(interaction.reward()),
                        Double.toString(interaction.propensity())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void progress(String message) {
        System.err.println("bandit-proof: " + message);
    }
}
