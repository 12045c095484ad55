package io.qswarm.intelligence.api;

import java.util.Map;
import java.util.TreeMap;

/**
 * A peer's knowledge of one state-action pair: its value and how many experiences, per origin table, that value
 * stands on. The origin vector is what lets merges stay idempotent and never count an experience twice.
 *
 * @param visits total experiences; when {@code visitsByOrigin} is empty they are attributed to the sending peer
 * @param visitsByOrigin experiences per origin table id; its sum must equal {@code visits} (or visits may be 0)
 */
public record PeerEntry(StateKey state, String action, double q, long visits, Map<String, Long> visitsByOrigin) {

    public PeerEntry {
        Checks.required("state", state);
        Checks.identifier("action", action);
        Checks.finite("q of " + state + "/" + action, q);
        if (visits < 0) {
            throw new IllegalArgumentException("visits must not be negative, was " + visits);
        }
        visitsByOrigin = visitsByOrigin == null ? Map.of() : Map.copyOf(visitsByOrigin);
        long sum = 0;
        for (var origin : visitsByOrigin.entrySet()) {
            Checks.identifier("origin", origin.getKey());
            long count = Checks.required("visits of origin " + origin.getKey(), origin.getValue());
            if (count < 0) {
                throw new IllegalArgumentException("visits of origin " + origin.getKey() + " must not be negative");
            }
            sum = Math.addExact(sum, count);
        }
        if (!visitsByOrigin.isEmpty()) {
            if (visits != 0 && visits != sum) {
                throw new IllegalArgumentException("visits " + visits + " disagree with visitsByOrigin, which sum to "
                        + sum + " (" + state + "/" + action + ")");
            }
            visits = sum;
        }
    }

    public static PeerEntry of(String state, String action, double q, long visits) {
        return new PeerEntry(StateKey.of(state), action, q, visits, Map.of());
    }

    /** The origin vector, attributing unattributed visits to {@code peer}. */
    public Map<String, Long> originsOr(String peer) {
        if (!visitsByOrigin.isEmpty()) {
            return visitsByOrigin;
        }
        return visits == 0 ? Map.of() : new TreeMap<>(Map.of(peer, visits));
    }
}
