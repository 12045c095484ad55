package io.qswarm.intelligence.bandit.api;

import io.qswarm.intelligence.api.Checks;
import java.util.List;

/**
 * The sufficient statistics of the observations one origin made of one action: {@code n}, {@code Σ x xᵀ},
 * {@code Σ r x} and {@code Σ r²}. A posterior is the prior plus the sum of its origins' statistics, so peers
 * exchange these instead of posteriors, and a merge keeps, per origin, the statistic of the largest count.
 *
 * @param sumOuterProducts the upper triangle of {@code Σ x xᵀ}, row by row: {@code d(d+1)/2} numbers
 * @param sumRewardContext {@code Σ r x}: {@code d} numbers
 */
public record OriginStatistics(
        String origin,
        String action,
        long count,
        List<Double> sumOuterProducts,
        List<Double> sumRewardContext,
        double sumSquaredRewards) {

    public OriginStatistics {
        Checks.identifier("origin", origin);
        Checks.identifier("action", action);
        if (count < 1) {
            throw new IllegalArgumentException("count of " + origin + "/" + action + " must be positive, was " + count);
        }
        sumRewardContext = BanditChecks.context("sumRewardContext of " + origin + "/" + action, sumRewardContext);
        int d = sumRewardContext.size();
        Checks.required("sumOuterProducts", sumOuterProducts);
        if (sumOuterProducts.size() != d * (d + 1) / 2) {
            throw new IllegalArgumentException("sumOuterProducts of " + origin + "/" + action + " must hold "
                    + d * (d + 1) / 2 + " numbers (upper triangle of " + d + "x" + d + "), held "
                    + sumOuterProducts.size());
        }
        sumOuterProducts = BanditChecks.context("sumOuterProducts of " + origin + "/" + action, sumOuterProducts);
        for (int i = 0, at = 0; i < d; at += d - i, i++) {
            if (sumOuterProducts.get(at) < 0) {
                throw new IllegalArgumentException("sumOuterProducts of " + origin + "/" + action
                        + " has a negative diagonal entry at " + i + ": not a sum of outer products");
            }
        }
        Checks.finite("sumSquaredRewards", sumSquaredRewards);
        if (sumSquaredRewards < 0) {
            throw new IllegalArgumentException("sumSquaredRewards must not be negative, was " + sumSquaredRewards);
        }
    }

    public int dimension() {
        return sumRewardContext.size();
    }
}
