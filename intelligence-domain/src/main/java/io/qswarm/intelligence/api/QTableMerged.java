package io.qswarm.intelligence.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** Peer knowledge was merged: every changed entry with before and after values, and every rejected entry. */
@Revision("1")
public record QTableMerged(
        QTableId tableId,
        String peer,
        String round,
        MergeStrategy strategy,
        List<MergedEntry> changes,
        List<RejectedEntry> rejected,
        MergeCounts counts) {}
