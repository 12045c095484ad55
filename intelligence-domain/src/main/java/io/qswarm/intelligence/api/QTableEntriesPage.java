package io.qswarm.intelligence.api;

import java.util.List;

/**
 * A page of entries and the total number of entries that matched.
 *
 * @param total how many entries match, for a page chosen by number; null for a cursor page ({@code after}), which
 *     does not count the table (counting 100k entries costs more than reading the page; the summary has the count)
 * @param next the cursor token of the page after this one ({@code after=…}), or null when this page is the last
 */
public record QTableEntriesPage(List<QTableEntry> entries, int page, int size, Long total, String next) {}
