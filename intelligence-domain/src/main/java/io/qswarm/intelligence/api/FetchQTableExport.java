package io.qswarm.intelligence.api;

/** Asks for a whole table; answered with a {@link QTableExport}, or no result if the table is unknown. */
public record FetchQTableExport(QTableId tableId) {}
