package io.qswarm.intelligence.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Peer knowledge was merged: every changed entry with before and after values and the peer's input, and every
 * rejected entry. Revision 2 added the peer's input to each change ({@link MergedEntry#peerQ()}).
 *
 * <p>A table whose values are a value function's parameters records its merge per parameter instead:
 * {@code parameterChanges} and {@code rejectedParameters} (added later, ADR 0009; {@code changes} and
 * {@code rejected} stay empty), and the counts count parameters.
 */
@Revision("2")
public record QTableMerged(
        QTableId tableId,
        String peer,
        String round,
        MergeStrategy strategy,
        List<MergedEntry> changes,
        List<RejectedEntry> rejected,
        MergeCounts counts,
        @AddedLater List<MergedParameter> parameterChanges,
        @AddedLater List<RejectedParameter> rejectedParameters) {

    public QTableMerged {
        parameterChanges = parameterChanges == null ? List.of() : parameterChanges;
        rejectedParameters = rejectedParameters == null ? List.of() : rejectedParameters;
    }

    /** A merge of state-action entries. */
    public QTableMerged(
            QTableId tableId,
            String peer,
            String round,
            MergeStrategy strategy,
            List<MergedEntry> changes,
            List<RejectedEntry> rejected,
            MergeCounts counts) {
        this(tableId, peer, round, strategy, changes, rejected, counts, List.of(), List.of());
    }
}
