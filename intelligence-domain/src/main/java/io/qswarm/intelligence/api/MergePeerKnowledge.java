package io.qswarm.intelligence.api;

import java.util.HashSet;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Merges a peer's knowledge into the table. Entries the table cannot use (unknown action, impossible visit counts)
 * are rejected one by one with a reason and counted; the rest are merged with {@code strategy}.
 *
 * <p>A flat table merges state-action {@code entries}. A table whose values are a value function's parameters
 * (every kind but {@code TABULAR}) merges the {@code parameters} of a peer with the same spec instead, one parameter at
 * a time with the same rule; kinds whose parameters cannot be averaged (low-rank, CP) refuse every merge.
 *
 * @param peer the sending peer (a table id or a peer id); unattributed visits are credited to it
 * @param round the federation round this merge belongs to, or {@code null} for an ad-hoc merge
 * @param entries the peer's state-action entries (empty when {@code parameters} are given)
 * @param parameters the peer's value-function parameters, or null when {@code entries} are given
 */
public record MergePeerKnowledge(
        @TargetAggregateIdentifier QTableId tableId,
        String peer,
        String round,
        MergeStrategy strategy,
        List<PeerEntry> entries,
        @AddedLater PeerParameters parameters) {

    public static final int MAX_ENTRIES = 1_000_000;

    public MergePeerKnowledge {
        Checks.required("tableId", tableId);
        Checks.identifier("peer", peer);
        if (round != null) {
            Checks.identifier("round", round);
        }
        strategy = strategy == null ? MergeStrategy.VISIT_WEIGHTED_MEAN : strategy;
        if (parameters != null) {
            if (entries != null && !entries.isEmpty()) {
                throw new IllegalArgumentException("give either entries or parameters, not both");
            }
            entries = List.of();
        } else {
            entries = checkedEntries(entries);
        }
    }

    /** A merge of state-action entries. */
    public MergePeerKnowledge(
            QTableId tableId, String peer, String round, MergeStrategy strategy, List<PeerEntry> entries) {
        this(tableId, peer, round, strategy, entries, null);
    }

    /** A merge of a peer's value-function parameters. */
    public static MergePeerKnowledge ofParameters(
            QTableId tableId, String peer, String round, MergeStrategy strategy, PeerParameters parameters) {
        return new MergePeerKnowledge(
                tableId, peer, round, strategy, List.of(), Checks.required("parameters", parameters));
    }

    private static List<PeerEntry> checkedEntries(List<PeerEntry> entries) {
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
        return List.copyOf(entries);
    }
}
