package io.qswarm.federation.exchange;

import io.qswarm.intelligence.api.MergePeerKnowledge;
import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.QTableEntry;
import io.qswarm.intelligence.api.QTableExport;
import io.qswarm.intelligence.api.QTableId;
import java.util.List;

/**
 * Turns one table's exported knowledge into a merge command for another table. Visits travel with their origin
 * vector, so a table receiving knowledge that was partly its own does not count it twice.
 */
public final class KnowledgeTransfer {

    private KnowledgeTransfer() {}

    /**
     * The merge of {@code source}'s entries into {@code target}.
     *
     * @throws IllegalArgumentException when source and target are the same table, or the source has no experience
     */
    public static MergePeerKnowledge mergeOf(
            QTableExport source, QTableId target, String round, MergeStrategy strategy) {
        if (source.tableId().equals(target)) {
            throw new IllegalArgumentException("a table cannot merge its own knowledge (" + target + ")");
        }
        List<PeerEntry> entries = source.entries().stream()
                .filter(entry -> entry.visits() > 0)
                .map(KnowledgeTransfer::peerEntry)
                .toList();
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("table " + source.tableId() + " has no experience to share yet");
        }
        return new MergePeerKnowledge(target, source.tableId().value(), round, strategy, entries);
    }

    private static PeerEntry peerEntry(QTableEntry entry) {
        return new PeerEntry(entry.state(), entry.action(), entry.q(), entry.visits(), entry.visitsByOrigin());
    }
}
