package io.qswarm.intelligence.bandit;

import io.qswarm.intelligence.bandit.api.OriginStatistics;
import io.qswarm.intelligence.bandit.api.RejectedStatistics;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which of a peer's statistics a posterior adopts. Statistics are grow-only per origin and action: an
 * origin's later statistic extends its earlier one, so the one with the larger count wins. For each peer statistic
 * of origin {@code o} and action {@code k}, with {@code n} the count the posterior holds:
 *
 * <ul>
 *   <li>rejected: the action is unknown, the dimension differs, {@code Σ x xᵀ} is not positive semi-definite, the
 *       origin is the policy itself and claims more observations than it recorded, or the count equals {@code n}
 *       but the numbers differ (two different histories under one origin);
 *   <li>unchanged: the count is at most {@code n} (the posterior already counts those observations);
 *   <li>adopted: the count exceeds {@code n}; it <em>replaces</em> the held statistic, never adds to it.
 * </ul>
 *
 * Merging the same statistics twice therefore changes nothing, merge order does not matter, and an observation is
 * counted once however often policies sync (a state-based CRDT: per-origin maximum, as in ADR 0002).
 */
public final class PosteriorMerge {

    private PosteriorMerge() {}

    public record Plan(List<OriginStatistics> adopted, int unchanged, List<RejectedStatistics> rejected) {

        public boolean changes() {
            return !adopted.isEmpty();
        }
    }

    public static Plan plan(BanditPosterior local, String ownOrigin, List<OriginStatistics> peer) {
        var adopted = new ArrayList<OriginStatistics>();
        var rejected = new ArrayList<RejectedStatistics>();
        int unchanged = 0;
        for (OriginStatistics statistic : peer) {
            String refusal = refusal(local, ownOrigin, statistic);
            if (refusal != null) {
                rejected.add(
                        new RejectedStatistics(statistic.origin(), statistic.action(), statistic.count(), refusal));
            } else if (statistic.count()
                    > local.statistics(statistic.origin(), local.indexOf(statistic.action()))
                            .count()) {
                adopted.add(statistic);
            } else {
                unchanged++;
            }
        }
        return new Plan(List.copyOf(adopted), unchanged, List.copyOf(rejected));
    }

    private static String refusal(BanditPosterior local, String ownOrigin, OriginStatistics statistic) {
        int k = local.indexOf(statistic.action());
        if (k < 0) {
            return "unknown action '" + statistic.action() + "'";
        }
        if (statistic.dimension() != local.dimension()) {
            return "dimension " + statistic.dimension() + ", the policy's is " + local.dimension();
        }
        SufficientStatistics held = local.statistics(statistic.origin(), k);
        if (statistic.origin().equals(ownOrigin) && statistic.count() > held.count()) {
            return "claims " + statistic.count() + " observations of this policy, which recorded only " + held.count();
        }
        SufficientStatistics offered = SufficientStatistics.of(statistic);
        if (statistic.count() == held.count() && !offered.matches(held)) {
            return "differs from the statistics of the same count already held: two histories under one origin";
        }
        if (statistic.count() > held.count()
                && !Matrices.isPositiveSemiDefinite(offered.outerView(), local.dimension())) {
            return "sumOuterProducts is not positive semi-definite: not a sum of outer products";
        }
        return null;
    }
}
