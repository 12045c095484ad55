package io.qswarm.intelligence.api;

import java.util.HashSet;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Merges a peer's knowledge into the table. Entries the table cannot use (unknown action, impossible visit counts)
 * are rejected one by one with a reason and counted; the rest are merged with {@code strategy}.
 *
 * @param peer the sending peer (a table id or a peer id); unattributed visits are credited to it
 * @param round the federation round this merge belongs to, or {@code null} for an ad-hoc merge
 */
public record MergePeerKnowledge(
        @TargetAggregateIdentifier QTableId tableId,
        String peer,
        String round,
        MergeStrategy strategy,
        List<PeerEntry> entries) {

    public static final int MAX_ENTRIES = 1_000_000;

    public MergePeerKnowledge {
        Checks.required("tableId", tableId);
        Checks.identifier("peer", peer);
        if (round != null) {
            Checks.identifier("round", round);
        }
        strategy = strategy == null ? MergeStrategy.VISIT_WEIGHTED_MEAN : strategy;
        Checks.required("entries", entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("entries must not be empty");
        }
        if (entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException(
                    "a merge holds at most " + MAX_ENTRIES + " entries, was " + entries.size());
        }
        var seen = new HashSet<String>();
        for (int i = 0; i < entries.size(); i++) {
            PeerEntry entry = entries.get(i);
            if (entry == null) {
                throw new IllegalArgumentException("entries[" + i + "] is null");
            }
            if (!seen.add(entry.state().value() + '\u0000' + entry.action())) {
                throw new IllegalArgumentException(
                        "entry " + entry.state() + "/" + entry.action() + " appears more than once");
            }
        }
        entries = List.copyOf(entries);
    }
}
