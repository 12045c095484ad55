package io.qswarm.intelligence.api;

import java.util.List;

/** A page of entries and the total number of entries that matched. */
public record QTableEntriesPage(List<QTableEntry> entries, int page, int size, long total) {}
