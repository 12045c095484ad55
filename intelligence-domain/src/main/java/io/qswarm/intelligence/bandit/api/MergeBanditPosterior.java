package io.qswarm.intelligence.bandit.api;

import io.qswarm.intelligence.api.Checks;
import java.util.HashSet;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Merges a peer's posterior, given as per-origin sufficient statistics (see {@link OriginStatistics}). For every
 * origin and action the policy keeps the statistic of the larger count: a newer statistic of an origin replaces the
 * older one, the same one again changes nothing, so no observation is ever counted twice however often policies
 * sync. Statistics the policy cannot use are rejected one by one with a reason.
 *
 * @param round the federation round this merge belongs to, or {@code null} for an ad-hoc merge
 */
public record MergeBanditPosterior(
        @TargetAggregateIdentifier BanditPolicyId policyId,
        String peer,
        String round,
        List<OriginStatistics> statistics) {

    public static final int MAX_STATISTICS = 100_000;

    public MergeBanditPosterior {
        Checks.required("policyId", policyId);
        Checks.identifier("peer", peer);
        if (round != null) {
            Checks.identifier("round", round);
        }
        Checks.required("statistics", statistics);
        if (statistics.isEmpty() || statistics.size() > MAX_STATISTICS) {
            throw new IllegalArgumentException(
                    "a merge holds 1 to " + MAX_STATISTICS + " statistics, had " + statistics.size());
        }
        var seen = new HashSet<String>();
        for (int i = 0; i < statistics.size(); i++) {
            OriginStatistics statistic = statistics.get(i);
            if (statistic == null) {
                throw new IllegalArgumentException("statistics[" + i + "] is null");
            }
            if (!seen.add(statistic.origin() + '\u0000' + statistic.action())) {
                throw new IllegalArgumentException(
                        "origin " + statistic.origin() + " / action " + statistic.action() + " appears more than once");
            }
        }
        statistics = List.copyOf(statistics);
    }
}
