package io.qswarm.intelligence.api;

/** Asks for a table's merges, newest first; answered with a {@link MergeHistory}. */
public record FetchMergeHistory(QTableId tableId, int page, int size) {

    public static final int MAX_PAGE_SIZE = 1000;

    public FetchMergeHistory {
        Checks.required("tableId", tableId);
        if (page < 0) {
            throw new IllegalArgumentException("page must not be negative, was " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size must be in [1, " + MAX_PAGE_SIZE + "], was " + size);
        }
    }
}
