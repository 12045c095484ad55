package io.qswarm.federation.domain;

import io.qswarm.federation.api.Neighbourhood;
import io.qswarm.federation.api.Topology;
import io.qswarm.intelligence.api.QTableId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Resolves a topology into each participant's sources for one round. Pure and deterministic. */
final class Neighbourhoods {

    static final Comparator<QTableId> ORDER = Comparator.comparing(QTableId::value);

    private Neighbourhoods() {}

    /**
     * Each participant's sources, in the participants' order (sorted by table id), each list sorted.
     *
     * @param participants at least two, sorted by table id
     * @param seed the seed of the gossip draw (ignored by the other topologies)
     */
    static List<Neighbourhood> of(Topology topology, List<QTableId> participants, long seed) {
        int n = participants.size();
        var result = new ArrayList<Neighbourhood>(n);
        SplitMix64 random = new SplitMix64(seed);
        for (int i = 0; i < n; i++) {
            QTableId participant = participants.get(i);
            List<QTableId> sources =
                    switch (topology.kind()) {
                        case FULL_MESH -> others(participants, participant);
                        case RING -> ring(participants, i);
                        case HUB -> participant.equals(topology.hub())
                                ? others(participants, participant)
                                : List.of(topology.hub());
                        case GOSSIP -> drawn(others(participants, participant), topology.peers(), random);
                    };
            result.add(new Neighbourhood(
                    participant, sources.stream().sorted(ORDER).toList()));
        }
        return List.copyOf(result);
    }

    private static List<QTableId> others(List<QTableId> participants, QTableId participant) {
        return participants.stream().filter(other -> !other.equals(participant)).toList();
    }

    private static List<QTableId> ring(List<QTableId> participants, int i) {
        int n = participants.size();
        QTableId previous = participants.get((i - 1 + n) % n);
        QTableId next = participants.get((i + 1) % n);
        return previous.equals(next) ? List.of(previous) : List.of(previous, next);
    }

    /** {@code k} of {@code candidates} by a partial Fisher-Yates shuffle. */
    private static List<QTableId> drawn(List<QTableId> candidates, int k, SplitMix64 random) {
        var pool = new ArrayList<>(candidates);
        int take = Math.min(k, pool.size());
        for (int i = 0; i < take; i++) {
            int j = i + random.below(pool.size() - i);
            QTableId swap = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, swap);
        }
        return List.copyOf(pool.subList(0, take));
    }
}
