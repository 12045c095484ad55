package io.qswarm.intelligence.api;

/** Asks for a table's summary; answered with a {@link QTableSummary}, or no result if the table is unknown. */
public record FindQTableSummary(QTableId tableId) {}
