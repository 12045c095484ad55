package io.qswarm.federation.api;

import io.qswarm.intelligence.api.Checks;
import io.qswarm.intelligence.api.MergePeerKnowledge;
import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.QTableId;
import java.util.HashSet;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A participant's answer to a knowledge request: the entries that changed since the version it was asked about (all
 * of them when asked from version 0), and the version of the table they were read from. An empty list is a valid
 * answer ("nothing new") and counts towards the quorum.
 *
 * @param tableVersion the table's version the entries were read from; asked for next time (see {@code
 *     docs/federation.md}, "Deltas")
 */
public record ContributeKnowledge(
        @TargetAggregateIdentifier SwarmId swarmId,
        RoundId roundId,
        QTableId participant,
        long tableVersion,
        List<PeerEntry> entries) {

    public ContributeKnowledge {
        Checks.required("swarmId", swarmId);
        Checks.required("roundId", roundId);
        Checks.required("participant", participant);
        if (tableVersion < 0) {
            throw new IllegalArgumentException("tableVersion must not be negative, was " + tableVersion);
        }
        entries = validEntries(entries);
    }

    static List<PeerEntry> validEntries(List<PeerEntry> entries) {
        Checks.required("entries", entries);
        if (entries.size() > MergePeerKnowledge.MAX_ENTRIES) {
            throw new IllegalArgumentException("a contribution holds at most " + MergePeerKnowledge.MAX_ENTRIES
                    + " entries, was " + entries.size());
        }
        var seen = new HashSet<String>();
        for (int i = 0; i < entries.size(); i++) {
            PeerEntry entry = entries.get(i);
            if (entry == null) {
                throw new IllegalArgumentException("entries[" + i + "] is null");
            }
            if (entry.visits() == 0) {
                throw new IllegalArgumentException(
                        "entry " + entry.state() + "/" + entry.action() + " carries no experience");
            }
            if (entry.visitsByOrigin().isEmpty()) {
                throw new IllegalArgumentException(
                        "entry " + entry.state() + "/" + entry.action() + " must count its visits per origin table");
            }
            if (!seen.add(entry.state().value() + '\u0000' + entry.action())) {
                throw new IllegalArgumentException(
                        "entry " + entry.state() + "/" + entry.action() + " appears more than once");
            }
        }
        return List.copyOf(entries);
    }
}
