package io.qswarm.intelligence.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Peer knowledge was merged: every changed entry with before and after values and the peer's input, and every
 * rejected entry. Revision 2 added the peer's input to each change ({@link MergedEntry#peerQ()}).
 */
@Revision("2")
public record QTableMerged(
        QTableId tableId,
        String peer,
        String round,
        MergeStrategy strategy,
        List<MergedEntry> changes,
        List<RejectedEntry> rejected,
        MergeCounts counts) {}
