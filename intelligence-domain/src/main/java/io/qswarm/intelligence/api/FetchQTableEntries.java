package io.qswarm.intelligence.api;

/**
 * Asks for one page of a table's entries, ordered by state then action declaration, optionally for one state only.
 * Answered with a {@link QTableEntriesPage}. A page is chosen by number ({@code page}, cheap near the start) or, for
 * reading a whole table, by the cursor {@code after} the previous page's last entry ({@code page} must then be 0).
 */
public record FetchQTableEntries(QTableId tableId, StateKey state, int page, int size, EntryCursor after) {

    public static final int MAX_PAGE_SIZE = 10_000;

    public FetchQTableEntries {
        Checks.required("tableId", tableId);
        if (page < 0) {
            throw new IllegalArgumentException("page must not be negative, was " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size must be in [1, " + MAX_PAGE_SIZE + "], was " + size);
        }
        if (after != null && page != 0) {
            throw new IllegalArgumentException("give a page number or a cursor (after), not both");
        }
    }

    /** Page {@code page} by number. */
    public FetchQTableEntries(QTableId tableId, StateKey state, int page, int size) {
        this(tableId, state, page, size, null);
    }
}
