package io.qswarm.benchmarks.bandit;

import io.qswarm.intelligence.bandit.OffPolicyEvaluation.Estimate;
import java.util.List;

/**
 * Everything one proof run measured.
 *
 * @param sweep regret of each rule and parameter: on the tuning seed at the sweep horizon, and the mean over the
 *     report seeds at the full horizon
 * @param seeds the regret curves of each report seed
 * @param warmStarts early regret with and without a warm start, per log size and rule, mean over the report seeds
 * @param offPolicy the off-policy estimates of each target policy on each report seed, against its true value
 */
public record BanditProofResults(
        BanditProofParameters parameters,
        List<SweepPoint> sweep,
        List<SeedRegret> seeds,
        List<WarmStart> warmStarts,
        List<OffPolicyResult> offPolicy,
        double seconds) {

    public record SweepPoint(String rule, double parameter, double tuningRegret, double reportRegret) {}

    /** @param linTsParameterDraws final regret of LinTS drawing whole parameter vectors (same seeds) */
    public record SeedRegret(long seed, RegretCurve linUcb, RegretCurve linTs, double linTsParameterDraws) {}

    public record WarmStart(int logSize, String rule, double coldEarlyRegret, double warmEarlyRegret) {

        /** The fraction of the cold start's early regret the warm start saves. */
        public double cut() {
            return 1 - warmEarlyRegret / coldEarlyRegret;
        }
    }

    public record OffPolicyResult(
            long seed, String target, double truth, Estimate ips, Estimate snips, Estimate doublyRobust) {

        public double relativeError(Estimate estimate) {
            return (estimate.value() - truth) / Math.abs(truth);
        }
    }

    public RegretCurve meanLinUcb() {
        return RegretCurve.mean(seeds.stream().map(SeedRegret::linUcb).toList());
    }

    public RegretCurve meanLinTs() {
        return RegretCurve.mean(seeds.stream().map(SeedRegret::linTs).toList());
    }

    public double meanLinTsParameterDraws() {
        return seeds.stream()
                .mapToDouble(SeedRegret::linTsParameterDraws)
                .average()
                .orElseThrow();
    }

    /** LinTS's mean regret at the horizon over LinUCB's. */
    public double regretRatio() {
        return meanLinTs().last() / meanLinUcb().last();
    }
}
