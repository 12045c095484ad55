package io.qswarm.app.federation;

import io.qswarm.federation.api.AggregationRule;
import io.qswarm.federation.api.AggregationStrategy;
import io.qswarm.federation.api.Quorum;
import io.qswarm.federation.api.SyncPeriod;
import io.qswarm.federation.api.Topology;
import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.api.QTableId;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Request bodies of the swarm and federation APIs. Optional numbers are boxed: absent means "not used". */
final class SwarmRequests {

    private SwarmRequests() {}

    /**
     * @param remote the members hosted by peers: table id to peer id (the peers must be registered)
     * @param aggregation absent: visit-weighted mean
     * @param syncPeriod absent: every episode
     */
    record FormSwarm(
            String swarmId,
            List<String> members,
            Map<String, String> remote,
            TopologySpec topology,
            AggregationSpec aggregation,
            QuorumSpec quorum,
            Duration roundTimeout,
            SyncSpec syncPeriod) {}

    /** {@code {"kind":"full_mesh"}}, {@code {"kind":"hub","hub":"t1"}}, {@code {"kind":"gossip","peers":3}}. */
    record TopologySpec(Topology.Kind kind, String hub, Integer peers) {

        Topology toTopology() {
            return new Topology(kind, hub == null ? null : QTableId.of(hub), peers == null ? 0 : peers);
        }
    }

    /**
     * {@code {"strategy":"trimmed_mean","trim":0.2}}, {@code {"strategy":"multi_krum","byzantine":1,"selected":3}},
     * {@code {"strategy":"median","tableMerge":"learning_rate"}}.
     */
    record AggregationSpec(
            AggregationStrategy strategy, Double trim, Integer byzantine, Integer selected, MergeStrategy tableMerge) {

        AggregationRule toRule() {
            return new AggregationRule(
                    strategy,
                    trim == null ? 0 : trim,
                    byzantine == null ? 0 : byzantine,
                    selected == null ? 0 : selected,
                    tableMerge);
        }
    }

    /** {@code {"minimum":2}} or {@code {"fraction":0.6}}. */
    record QuorumSpec(Integer minimum, Double fraction) {

        Quorum toQuorum() {
            return new Quorum(minimum == null ? 0 : minimum, fraction == null ? 0 : fraction);
        }
    }

    /** {@code {"unit":"episodes","every":10}} or {@code {"unit":"interval","interval":"PT5M"}}. */
    record SyncSpec(SyncPeriod.Unit unit, Long every, Duration interval) {

        SyncPeriod toPeriod() {
            return new SyncPeriod(unit, every == null ? 0 : every, interval);
        }
    }

    /** @param peer the peer hosting the table, or null for a table of this deployment */
    record Join(String tableId, String peer) {}

    /** @param seed the gossip seed, or null to draw one from the seeded generator */
    record StartRound(Long seed, Boolean fullSync) {}

    record Created(String id, String location) {}

    /**
     * @param credential the token the peer issued to this deployment (a peer token on its side, scoped to this
     *     deployment's peer id), sent with every packet and snapshot request to it; optional
     */
    record AddPeer(String peerId, String baseUrl, String publicKey, String credential) {}

    /**
     * @param credential a new credential the peer issued to this deployment; absent: keep the one held
     * @param rotate accept a new key for the peer (a key rotation, logged); without it a new key is refused
     */
    record PutPeer(String baseUrl, String publicKey, String credential, Boolean rotate) {}
}
