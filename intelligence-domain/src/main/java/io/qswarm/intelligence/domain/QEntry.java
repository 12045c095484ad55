package io.qswarm.intelligence.domain;

import io.qswarm.intelligence.learning.Knowledge;
import java.util.HashMap;
import java.util.Map;

/**
 * The table's value for one state-action pair. Its own experiences are counted apart from what each peer origin
 * contributed, so merges can take per-origin maxima instead of adding.
 */
record QEntry(double q, long ownVisits, Map<String, Long> peerVisits) {

    static final QEntry UNVISITED = new QEntry(0.0, 0, Map.of());

    QEntry {
        peerVisits = peerVisits.isEmpty() ? Map.of() : Map.copyOf(peerVisits);
    }

    long visits() {
        long sum = ownVisits;
        for (long count : peerVisits.values()) {
            sum += count;
        }
        return sum;
    }

    QEntry learned(double newQ) {
        return new QEntry(newQ, ownVisits + 1, peerVisits);
    }

    Knowledge knowledge(String ownOrigin) {
        var origins = new HashMap<String, Long>(peerVisits);
        if (ownVisits > 0) {
            origins.put(ownOrigin, ownVisits);
        }
        return new Knowledge(q, origins);
    }

    static QEntry from(double q, Map<String, Long> visitsByOrigin, String ownOrigin) {
        var peers = new HashMap<String, Long>(visitsByOrigin);
        Long own = peers.remove(ownOrigin);
        return new QEntry(q, own == null ? 0 : own, peers);
    }
}
