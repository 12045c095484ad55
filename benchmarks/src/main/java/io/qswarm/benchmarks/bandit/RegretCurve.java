package io.qswarm.benchmarks.bandit;

import java.util.List;

/**
 * Cumulative pseudo-regret {@code R_T = Σ_{t≤T} (max_k θ_kᵀx_t − θ_{a_t}ᵀx_t)} at each checkpoint {@code T}.
 *
 * @param checkpoints the horizons, increasing
 * @param regret {@code R_T} at each checkpoint
 */
public record RegretCurve(List<Integer> checkpoints, List<Double> regret) {

    public RegretCurve {
        checkpoints = List.copyOf(checkpoints);
        regret = List.copyOf(regret);
    }

    /** {@code R_T} at checkpoint {@code horizon}. */
    public double at(int horizon) {
        int index = checkpoints.indexOf(horizon);
        if (index < 0) {
            throw new IllegalArgumentException("no checkpoint at " + horizon + " in " + checkpoints);
        }
        return regret.get(index);
    }

    public double last() {
        return regret.get(regret.size() - 1);
    }

    public int horizon() {
        return checkpoints.get(checkpoints.size() - 1);
    }

    /** The point-wise mean of several curves over the same checkpoints. */
    public static RegretCurve mean(List<RegretCurve> curves) {
        List<Integer> checkpoints = curves.get(0).checkpoints();
        var mean = new java.util.ArrayList<Double>();
        for (int i = 0; i < checkpoints.size(); i++) {
            double sum = 0;
            for (RegretCurve curve : curves) {
                sum += curve.regret().get(i);
            }
            mean.add(sum / curves.size());
        }
        return new RegretCurve(checkpoints, mean);
    }

    /**
     * The least-squares slope of {@code log R_T} against {@code log T} over the checkpoints in {@code [from, to]}:
     * 0.5 for {@code √T} growth, 1 for linear, near 0 for logarithmic.
     */
    public double logLogSlope(int from, int to) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int n = 0;
        for (int i = 0; i < checkpoints.size(); i++) {
            int t = checkpoints.get(i);
            if (t < from || t > to || regret.get(i) <= 0) {
                continue;
            }
            double x = Math.log(t);
            double y = Math.log(regret.get(i));
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
            n++;
        }
        if (n < 2) {
            throw new IllegalArgumentException("need two checkpoints in [" + from + ", " + to + "]");
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }
}
