package io.qswarm.benchmarks.bandit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sizes of one bandit proof run; every value can be set as {@code --name=value}. The defaults are the full proof
 * of docs/bandits.md: d = 10, K = 10, σ = 0.1, T = 10⁵ on five seeds.
 *
 * @param ridgeTs the ridge {@code λ} of LinTS's prior ({@code --ridge-ts}; 0.02, or {@code --ridge} when only that
 *     is given; LinUCB and the off-policy models use {@code ridge})
 * @param alpha LinUCB's {@code α}
 * @param scale LinTS's {@code v}
 * @param seeds problems and streams 1..seeds are reported; the sweep also runs the tuning problems 101..100+seeds
 * @param sweepHorizon horizon of the parameter sweep on the tuning problems
 * @param sweep the {@code α} and {@code v} values the sweep tries
 * @param warmLogs sizes of the offline logs the warm starts learn from
 * @param earlySteps the "early regret" horizon of the warm-start comparison
 * @param opeLog size of the log the off-policy estimates use
 * @param truthContexts fresh contexts over which the target policies' true values are averaged
 */
public record BanditProofParameters(
        int dimension,
        int actions,
        double noise,
        double ridge,
        double ridgeTs,
        double alpha,
        double scale,
        int horizon,
        int seeds,
        int sweepHorizon,
        List<Double> sweep,
        List<Integer> warmLogs,
        int earlySteps,
        int opeLog,
        int truthContexts,
        Path resultsDirectory) {

    /**
     * The ridge {@code λ = d·σ²/E‖θ‖² = 10·0.01/1}: the Gaussian prior {@code θ ~ N(0, σ²/λ·I)} then has the spread of
     * the problem's parameters (unit vectors), and {@code v = σ} would be the exact Bayesian posterior.
     */
    public static final double DEFAULT_RIDGE = 0.1;

    /**
     * LinUCB's α and LinTS's v: the best of the sweep on the tuning problems (seeds 101..105, T = 10⁴), never on the
     * report problems (docs/bandits.md, "Choosing λ, α and v").
     */
    public static final double DEFAULT_ALPHA = 0.14;

    public static final double DEFAULT_SCALE = 0.025;

    /**
     * LinTS's own ridge: with LinUCB's, chosen jointly with {@code α} / {@code v} on the tuning problems over
     * {@code λ ∈ {0.02, 0.03, 0.1, 0.3, 1}} (docs/bandits.md): LinUCB keeps λ = 0.1, LinTS takes λ = 0.02, v = 0.025.
     */
    public static final double DEFAULT_RIDGE_TS = 0.02;

    public static final BanditProofParameters DEFAULTS = new BanditProofParameters(
            10,
            10,
            0.1,
            DEFAULT_RIDGE,
            DEFAULT_RIDGE_TS,
            DEFAULT_ALPHA,
            DEFAULT_SCALE,
            100_000,
            5,
            10_000,
            List.of(0.025, 0.035, 0.05, 0.07, 0.1, 0.14, 0.2, 0.28, 0.4),
            List.of(1_000, 10_000),
            1_000,
            100_000,
            1_000_000,
            Path.of("target"));

    private static final List<String> NAMES = List.of(
            "dimension",
            "actions",
            "noise",
            "ridge",
            "ridge-ts",
            "alpha",
            "scale",
            "horizon",
            "seeds",
            "sweep-horizon",
            "sweep",
            "warm-logs",
            "early-steps",
            "ope-log",
            "truth-contexts",
            "results-dir");

    public BanditProofParameters {
        positive("dimension", dimension);
        positive("actions", actions);
        positive("horizon", horizon);
        positive("seeds", seeds);
        positive("early-steps", earlySteps);
        positive("ope-log", opeLog);
        positive("truth-contexts", truthContexts);
        if (!(noise >= 0) || !(ridge > 0) || !(ridgeTs > 0) || !(alpha >= 0) || !(scale >= 0)) {
            throw new IllegalArgumentException("noise, alpha and scale must not be negative, ridge must be positive");
        }
        if (earlySteps > horizon) {
            throw new IllegalArgumentException("early-steps must not exceed horizon");
        }
        sweep = List.copyOf(sweep);
        warmLogs = List.copyOf(warmLogs);
    }

    public BanditProofParameters withResultsDirectory(Path directory) {
        return new BanditProofParameters(
                dimension,
                actions,
                noise,
                ridge,
                ridgeTs,
                alpha,
                scale,
                horizon,
                seeds,
                sweepHorizon,
                sweep,
                warmLogs,
                earlySteps,
                opeLog,
                truthContexts,
                directory);
    }

    /** The checkpoints of the regret curves: 1-2-5 steps up to the horizon, and the horizon itself. */
    public List<Integer> checkpoints() {
        return checkpointsUpTo(horizon);
    }

    static List<Integer> checkpointsUpTo(int horizon) {
        var out = new ArrayList<Integer>();
        for (int decade = 100; decade < horizon; decade *= 10) {
            for (int m : new int[] {1, 2, 5}) {
                if (m * decade < horizon) {
                    out.add(m * decade);
                }
            }
        }
        out.add(horizon);
        return out;
    }

    public static BanditProofParameters parse(String... args) {
        var given = new HashMap<String, String>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --name=value, got '" + arg + "'");
            }
            String name = arg.substring(2, eq);
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; known: " + NAMES);
            }
            given.put(name, arg.substring(eq + 1));
        }
        var d = DEFAULTS;
        return new BanditProofParameters(
                integer(given, "dimension", d.dimension),
                integer(given, "actions", d.actions),
                number(given, "noise", d.noise),
                number(given, "ridge", d.ridge),
                number(given, "ridge-ts", given.containsKey("ridge") ? number(given, "ridge", d.ridge) : d.ridgeTs),
                number(given, "alpha", d.alpha),
                number(given, "scale", d.scale),
                integer(given, "horizon", d.horizon),
                integer(given, "seeds", d.seeds),
                integer(given, "sweep-horizon", d.sweepHorizon),
                given.containsKey("sweep")
                        ? Arrays.stream(given.get("sweep").split(","))
                                .map(String::strip)
                                .filter(s -> !s.isEmpty())
                                .map(Double::parseDouble)
                                .toList()
                        : d.sweep,
                given.containsKey("warm-logs")
                        ? Arrays.stream(given.get("warm-logs").split(","))
                                .map(s -> Integer.parseInt(s.strip().replace("_", "")))
                                .toList()
                        : d.warmLogs,
                integer(given, "early-steps", d.earlySteps),
                integer(given, "ope-log", d.opeLog),
                integer(given, "truth-contexts", d.truthContexts),
                given.containsKey("results-dir") ? Path.of(given.get("results-dir")) : d.resultsDirectory);
    }

    /** The arguments that reproduce this run (the results directory left out). */
    public List<String> arguments() {
        return List.of(
                "--dimension=" + dimension,
                "--actions=" + actions,
                "--noise=" + noise,
                "--ridge=" + ridge,
                "--ridge-ts=" + ridgeTs,
                "--alpha=" + alpha,
                "--scale=" + scale,
                "--horizon=" + horizon,
                "--seeds=" + seeds,
                "--sweep-horizon=" + sweepHorizon,
                "--sweep="
                        + String.join(",", sweep.stream().map(String::valueOf).toList()),
                "--warm-logs="
                        + String.join(
                                ",", warmLogs.stream().map(String::valueOf).toList()),
                "--early-steps=" + earlySteps,
                "--ope-log=" + opeLog,
                "--truth-contexts=" + truthContexts);
    }

    private static int integer(Map<String, String> given, String name, int fallback) {
        String value = given.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be an integer, was '" + value + "'");
        }
    }

    private static double number(Map<String, String> given, String name, double fallback) {
        String value = given.get(name);
        try {
            return value == null ? fallback : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, was '" + value + "'");
        }
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
