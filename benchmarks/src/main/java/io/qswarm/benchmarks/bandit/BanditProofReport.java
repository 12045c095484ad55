package io.qswarm.benchmarks.bandit;

import io.qswarm.benchmarks.bandit.BanditProofResults.OffPolicyResult;
import io.qswarm.benchmarks.bandit.BanditProofResults.SeedRegret;
import io.qswarm.benchmarks.bandit.BanditProofResults.SweepPoint;
import io.qswarm.benchmarks.bandit.BanditProofResults.WarmStart;
import io.qswarm.intelligence.bandit.OffPolicyEvaluation.Estimate;
import java.util.List;
import java.util.Locale;

/** The proof's results as Markdown (for docs/bandits.md) and the regret curves as CSV. */
public final class BanditProofReport {

    private BanditProofReport() {}

    public static String markdown(BanditProofResults results) {
        BanditProofParameters p = results.parameters();
        var out = new StringBuilder();
        line(
                out,
                "## Bandit proof: d = %d, K = %d, σ = %s, λ = %s%s, T = %,d, seeds 1..%d",
                p.dimension(),
                p.actions(),
                p.noise(),
                p.ridge(),
                p.ridgeTs() == p.ridge() ? "" : " (LinTS: λ = " + p.ridgeTs() + ")",
                p.horizon(),
                p.seeds());
        line(out, "");
        line(
                out,
                "LinUCB α = %s, LinTS v = %s. Arguments: `%s`. %.0f s.",
                p.alpha(),
                p.scale(),
                String.join(" ", p.arguments()),
                results.seconds());
        line(out, "");
        if (!results.sweep().isEmpty()) {
            line(
                    out,
                    "### Sweep (mean regret on tuning seeds 101..%d at T = %,d and on report seeds 1..%d at T = %,d)",
                    100 + p.seeds(),
                    p.sweepHorizon(),
                    p.seeds(),
                    p.horizon());
            line(out, "");
            line(out, "| parameter | LinUCB α: tuning | LinUCB α: report | LinTS v: tuning | LinTS v: report |");
            line(out, "|---:|---:|---:|---:|---:|");
            for (double value : p.sweep()) {
                SweepPoint ucb = point(results.sweep(), "LinUCB", value);
                SweepPoint ts = point(results.sweep(), "LinTS", value);
                line(
                        out,
                        "| %s | %.1f | %.1f | %.1f | %.1f |",
                        value,
                        ucb.tuningRegret(),
                        ucb.reportRegret(),
                        ts.tuningRegret(),
                        ts.reportRegret());
            }
            line(out, "");
        }
        RegretCurve ucb = results.meanLinUcb();
        RegretCurve ts = results.meanLinTs();
        line(out, "### Cumulative regret (mean over seeds)");
        line(out, "");
        line(out, "| T | LinUCB R_T | LinUCB R_T/√T | LinTS R_T | LinTS R_T/√T | LinTS / LinUCB |");
        line(out, "|---:|---:|---:|---:|---:|---:|");
        for (int i = 0; i < ucb.checkpoints().size(); i++) {
            int t = ucb.checkpoints().get(i);
            double u = ucb.regret().get(i);
            double s = ts.regret().get(i);
            line(out, "| %,d | %.1f | %.3f | %.1f | %.3f | %.2f |", t, u, u / Math.sqrt(t), s, s / Math.sqrt(t), s / u);
        }
        line(out, "");
        int last = p.horizon();
        int tenth = Math.max(100, last / 10);
        int hundredth = Math.max(100, last / 100);
        line(
                out,
                "Log-log slope of R_T (0.5 = √T, 1 = linear): LinUCB %.2f over [%,d, %,d], %.2f over [%,d, %,d]; "
                        + "LinTS %.2f, %.2f.",
                slope(ucb, hundredth, last),
                hundredth,
                last,
                slope(ucb, tenth, last),
                tenth,
                last,
                slope(ts, hundredth, last),
                slope(ts, tenth, last));
        line(out, "");
        line(out, "Per seed at T = %,d:", last);
        line(out, "");
        line(out, "| seed | LinUCB | LinTS (score draws) | LinTS (θ draws) | LinTS / LinUCB |");
        line(out, "|---:|---:|---:|---:|---:|");
        for (SeedRegret seed : results.seeds()) {
            line(
                    out,
                    "| %d | %.1f | %.1f | %.1f | %.2f |",
                    seed.seed(),
                    seed.linUcb().last(),
                    seed.linTs().last(),
                    seed.linTsParameterDraws(),
                    seed.linTs().last() / seed.linUcb().last());
        }
        line(
                out,
                "| mean | %.1f | %.1f | %.1f | **%.2f** |",
                ucb.last(),
                ts.last(),
                results.meanLinTsParameterDraws(),
                results.regretRatio());
        line(out, "");
        line(out, "### Warm start (regret over the first %,d steps, mean over seeds)", p.earlySteps());
        line(out, "");
        line(out, "| logged interactions | rule | cold start | warm start | cut |");
        line(out, "|---:|---|---:|---:|---:|");
        for (WarmStart warm : results.warmStarts()) {
            line(
                    out,
                    "| %,d | %s | %.2f | %.2f | **%.0f%%** |",
                    warm.logSize(),
                    warm.rule(),
                    warm.coldEarlyRegret(),
                    warm.warmEarlyRegret(),
                    100 * warm.cut());
        }
        line(out, "");
        line(
                out,
                "### Off-policy evaluation (%,d logged interactions, true value over %,d fresh contexts)",
                p.opeLog(),
                p.truthContexts());
        line(out, "");
        line(
                out,
                "| seed | target | true value | IPS (± se) | SNIPS (± se) | DR (± se) | IPS error | SNIPS error | DR error |");
        line(out, "|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        for (OffPolicyResult r : results.offPolicy()) {
            line(
                    out,
                    "| %d | %s | %.4f | %s | %s | %s | %+.2f%% | %+.2f%% | **%+.2f%%** |",
                    r.seed(),
                    r.target(),
                    r.truth(),
                    estimate(r.ips()),
                    estimate(r.snips()),
                    estimate(r.doublyRobust()),
                    100 * r.relativeError(r.ips()),
                    100 * r.relativeError(r.snips()),
                    100 * r.relativeError(r.doublyRobust()));
        }
        line(out, "");
        line(
                out,
                "Largest |DR error|: %.2f%%; largest |IPS error|: %.2f%%.",
                100 * maxAbsError(results, "DR"),
                100 * maxAbsError(results, "IPS"));
        return out.toString();
    }

    /** One row per checkpoint: T, then each seed's LinUCB and LinTS regret, then the means. */
    public static String csv(BanditProofResults results) {
        var out = new StringBuilder("T");
        for (SeedRegret seed : results.seeds()) {
            out.append(",linucb_seed").append(seed.seed()).append(",lints_seed").append(seed.seed());
        }
        out.append(",linucb_mean,lints_mean\n");
        RegretCurve ucb = results.meanLinUcb();
        RegretCurve ts = results.meanLinTs();
        for (int i = 0; i < ucb.checkpoints().size(); i++) {
            out.append(ucb.checkpoints().get(i));
            for (SeedRegret seed : results.seeds()) {
                out.append(String.format(
                        Locale.ROOT,
                        ",%.4f,%.4f",
                        seed.linUcb().regret().get(i),
                        seed.linTs().regret().get(i)));
            }
            out.append(String.format(
                    Locale.ROOT,
                    ",%.4f,%.4f\n",
                    ucb.regret().get(i),
                    ts.regret().get(i)));
        }
        return out.toString();
    }

    static double maxAbsError(BanditProofResults results, String estimator) {
        double max = 0;
        for (OffPolicyResult r : results.offPolicy()) {
            Estimate estimate =
                    switch (estimator) {
                        case "IPS" -> r.ips();
                        case "SNIPS" -> r.snips();
                        default -> r.doublyRobust();
                    };
            max = Math.max(max, Math.abs(r.relativeError(estimate)));
        }
        return max;
    }

    private static double slope(RegretCurve curve, int from, int to) {
        return from >= to ? Double.NaN : curve.logLogSlope(from, to);
    }

    private static SweepPoint point(List<SweepPoint> sweep, String rule, double value) {
        return sweep.stream()
                .filter(p -> p.rule().equals(rule) && p.parameter() == value)
                .findFirst()
                .orElseThrow();
    }

    private static String estimate(Estimate estimate) {
        return String.format(Locale.ROOT, "%.4f ± %.4f", estimate.value(), estimate.standardError());
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
