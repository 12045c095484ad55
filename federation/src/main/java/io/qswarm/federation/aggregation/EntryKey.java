package io.qswarm.federation.aggregation;

import io.qswarm.intelligence.api.Checks;
import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.StateKey;
import java.util.Comparator;

/** One coordinate of a table: a state and an action. Ordered by state, then action. */
public record EntryKey(StateKey state, String action) implements Comparable<EntryKey> {

    private static final Comparator<EntryKey> ORDER =
            Comparator.comparing(EntryKey::state).thenComparing(EntryKey::action);

    public EntryKey {
        Checks.required("state", state);
        Checks.required("action", action);
    }

    public static EntryKey of(PeerEntry entry) {
        return new EntryKey(entry.state(), entry.action());
    }

    @Override
    public int compareTo(EntryKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return state + "/" + action;
    }
}
