package io.qswarm.federation.api;

import io.qswarm.intelligence.api.Checks;
import io.qswarm.intelligence.api.QTableId;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Forms a swarm of tables that share knowledge in rounds.
 *
 * @param members the tables taking part (at least one; rounds need two)
 * @param aggregation how each participant's sources are combined; {@code null} means the visit-weighted mean
 * @param roundTimeout how long a round waits for contributions before its deadline closes it
 * @param syncPeriod how often rounds are due; {@code null} means every episode
 */
public record FormSwarm(
        @TargetAggregateIdentifier SwarmId swarmId,
        List<QTableId> members,
        Topology topology,
        AggregationRule aggregation,
        Quorum quorum,
        Duration roundTimeout,
        SyncPeriod syncPeriod) {

    /** A round records every participant's sources: a full mesh of n makes that n·(n − 1) ids. */
    public static final int MAX_MEMBERS = 1_000;

    public static final Duration MAX_ROUND_TIMEOUT = Duration.ofDays(7);

    public FormSwarm {
        Checks.required("swarmId", swarmId);
        members = validMembers(members);
        Checks.required("topology", topology);
        aggregation = aggregation == null ? AggregationRule.visitWeightedMean() : aggregation;
        Checks.required("quorum", quorum);
        validTimeout(roundTimeout);
        syncPeriod = syncPeriod == null ? SyncPeriod.everyEpisodes(1) : syncPeriod;
        if (topology.kind() == Topology.Kind.HUB && !members.contains(topology.hub())) {
            throw new IllegalArgumentException("the hub " + topology.hub() + " must be a member");
        }
    }

    static List<QTableId> validMembers(List<QTableId> members) {
        Checks.required("members", members);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a swarm needs at least one member");
        }
        if (members.size() > MAX_MEMBERS) {
            throw new IllegalArgumentException(
                    "a swarm has at most " + MAX_MEMBERS + " members, was " + members.size());
        }
        var seen = new HashSet<QTableId>();
        for (int i = 0; i < members.size(); i++) {
            QTableId member = Checks.required("members[" + i + "]", members.get(i));
            if (!seen.add(member)) {
                throw new IllegalArgumentException("member " + member + " appears more than once");
            }
        }
        return List.copyOf(members);
    }

    static void validTimeout(Duration timeout) {
        Checks.required("roundTimeout", timeout);
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_ROUND_TIMEOUT) > 0) {
            throw new IllegalArgumentException(
                    "roundTimeout must be in (0, " + MAX_ROUND_TIMEOUT + "], was " + timeout);
        }
    }
}
