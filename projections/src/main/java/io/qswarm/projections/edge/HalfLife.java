package io.qswarm.projections.edge;

import io.qswarm.projections.edge.api.HalfLifeEstimate;
import io.qswarm.projections.edge.api.HalfLifeStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Alpha half-life: how fast a pattern's edge fades. Fits {@code edge(t) = edge₀·e^(−λ·(t − t₀))} to the capped edge
 * history with the Theil–Sen estimator on {@code y = ln|edge|}:
 *
 * <ol>
 *   <li>{@code s} = the sign of the current raw edge; only points with {@code s·edge > 0} are usable (a zero has no
 *       logarithm; a point of the other sign belongs to a flipped edge, not to the decay of this one);
 *   <li>{@code b} = the median of the pairwise slopes {@code (y_j − y_i) / (t_j − t_i)} over all usable pairs with
 *       {@code t_i < t_j}; {@code λ = −b}. Slopes use the real time differences, so gaps in the history need no
 *       filling, and the median ignores up to 29% of outliers;
 *   <li>{@code a} = the median of {@code y_i + λ·(t_i − t₀)}, {@code t₀} the first usable time;
 *       {@code edge₀ = s·e^a};
 *   <li>{@code λ > 0}: {@code half_life = ln 2 / λ}, multiplier {@code 0.5 + 0.5·tanh(half_life / target)};
 *       {@code λ ≤ 0}: the edge does not decay, half-life infinite, multiplier 1;
 *   <li>fewer than {@code minPoints} usable points or no two distinct times: unknown, multiplier 0.5 (no evidence that
 *       the edge lasts).
 * </ol>
 */
record HalfLife(double target, int minPoints) {

    private static final double LN2 = StrictMath.log(2.0);

    HalfLife {
        Recurrence.positive("half-life target", target);
        if (minPoints < 2) {
            throw new IllegalArgumentException("half-life fit needs at least 2 points, was " + minPoints);
        }
    }

    HalfLifeEstimate fit(List<EdgePoint> history, double currentEdge) {
        double sign = Math.signum(currentEdge);
        if (sign == 0) {
            return HalfLifeEstimate.unknown(0);
        }
        var usable = new ArrayList<EdgePoint>();
        for (EdgePoint point : history) {
            if (sign * point.edge() > 0 && Double.isFinite(point.edge()) && Double.isFinite(point.t())) {
                usable.add(point);
            }
        }
        usable.sort(Comparator.comparingDouble(EdgePoint::t));
        int n = usable.size();
        if (n < minPoints) {
            return HalfLifeEstimate.unknown(n);
        }
        double[] t = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = usable.get(i).t();
            y[i] = StrictMath.log(sign * usable.get(i).edge());
        }
        double[] slopes = new double[n * (n - 1) / 2];
        int count = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (t[j] > t[i]) {
                    slopes[count++] = (y[j] - y[i]) / (t[j] - t[i]);
                }
            }
        }
        if (count == 0) {
            return HalfLifeEstimate.unknown(n);
        }
        double slope = median(slopes, count);
        double lambda = 0.0 - slope; // never −0.0
        double[] intercepts = new double[n];
        for (int i = 0; i < n; i++) {
            intercepts[i] = y[i] + lambda * (t[i] - t[0]);
        }
        double edgeAtBirth = sign * StrictMath.exp(median(intercepts, n));
        if (lambda > 0) {
            return new HalfLifeEstimate(HalfLifeStatus.DECAYING, LN2 / lambda, lambda, edgeAtBirth, n);
        }
        return new HalfLifeEstimate(HalfLifeStatus.NOT_DECAYING, null, lambda, edgeAtBirth, n);
    }

    double multiplier(HalfLifeEstimate estimate) {
        return switch (estimate.status()) {
            case UNKNOWN -> 0.5;
            case NOT_DECAYING -> 1.0;
            case DECAYING -> Curve.halfTanh(estimate.halfLife() / target);
        };
    }

    /**
     * The median of the first {@code count} values; the mean of the two middle ones for an even count. Quickselect
     * (expected linear time, deterministic pivots) reorders those values.
     */
    static double median(double[] values, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("the median of nothing");
        }
        int k = count / 2;
        double upper = select(values, count, k);
        if (count % 2 == 1) {
            return upper;
        }
        // select left the k smallest values in front of position k: the largest of them is the lower middle
        double lower = values[0];
        for (int i = 1; i < k; i++) {
            lower = Math.max(lower, values[i]);
        }
        return (lower + upper) / 2;
    }

    /** The k-th smallest (0-based) of the first {@code count} values, which end up partitioned around it. */
    private static double select(double[] a, int count, int k) {
        int left = 0;
        int right = count - 1;
        while (left < right) {
            double pivot = medianOfThree(a[left], a[(left + right) >>> 1], a[right]);
            int i = left;
            int j = right;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double swap = a[i];
                    a[i] = a[j];
                    a[j] = swap;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static double medianOfThree(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
