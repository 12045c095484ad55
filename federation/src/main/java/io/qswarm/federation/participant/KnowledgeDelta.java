package io.qswarm.federation.participant;

import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.QTableEntry;
import io.qswarm.intelligence.api.QTableExport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The knowledge a table contributes to a round: the entries that changed since a version.
 *
 * <p>A table's <em>version</em> is its experience mass {@code M = Σ_entries visits}: every learning step adds one and
 * every merge that changes an entry adds the experiences it brought, so {@code M} grows strictly with every change and
 * names one state of the table's history. An entry changed since a version exactly when its visits exceed those it had
 * then (visits only grow, and a value never changes without them). Computed from a whole {@link QTableExport}: the
 * cost is one full export read per request; only the delta travels and is stored.
 */
public final class KnowledgeDelta {

    private KnowledgeDelta() {}

    /** What the participant sends: the table's version and its changed entries. */
    public record Answer(long version, List<PeerEntry> entries, Map<String, Long> visits) {}

    /** The experience mass of a table: the sum of its entries' visits. */
    public static long versionOf(QTableExport export) {
        long mass = 0;
        for (QTableEntry entry : export.entries()) {
            mass = Math.addExact(mass, entry.visits());
        }
        return mass;
    }

    /**
     * The entries with experience whose visits exceed the baseline's (all of them without a baseline), as peer entries
     * with their origin vectors (visits without one are the table's own), and the visits of every entry to remember as the new baseline.
     */
    public static Answer since(QTableExport export, Optional<Map<String, Long>> baseline) {
        var entries = new ArrayList<PeerEntry>();
        var visits = new HashMap<String, Long>();
        for (QTableEntry entry : export.entries()) {
            if (entry.visits() <= 0) {
                continue;
            }
            String key = key(entry);
            visits.put(key, entry.visits());
            long before = baseline.map(known -> known.getOrDefault(key, 0L)).orElse(0L);
            if (entry.visits() > before) {
                Map<String, Long> origins =
                        entry.visitsByOrigin() == null || entry.visitsByOrigin().isEmpty()
                                ? Map.of(export.tableId().value(), entry.visits())
                                : entry.visitsByOrigin();
                entries.add(new PeerEntry(entry.state(), entry.action(), entry.q(), 0, origins));
            }
        }
        return new Answer(versionOf(export), entries, visits);
    }

    private static String key(QTableEntry entry) {
        return entry.state().value() + '\u0000' + entry.action();
    }
}
