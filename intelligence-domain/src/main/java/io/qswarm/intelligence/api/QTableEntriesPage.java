package io.qswarm.intelligence.api;

import java.util.List;

/**
 * A page of entries and the total number of entries that matched.
 *
 * @param next the cursor token of the page after this one ({@code after=…}), or null when this page is the last
 */
public record QTableEntriesPage(List<QTableEntry> entries, int page, int size, long total, String next) {}
