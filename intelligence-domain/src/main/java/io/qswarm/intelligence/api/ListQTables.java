package io.qswarm.intelligence.api;

/** Asks for one page of the known tables, ordered by id; answered with a {@link QTableList}. */
public record ListQTables(int page, int size) {

    public static final int MAX_PAGE_SIZE = 1000;

    public ListQTables {
        if (page < 0) {
            throw new IllegalArgumentException("page must not be negative, was " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size must be in [1, " + MAX_PAGE_SIZE + "], was " + size);
        }
    }
}
