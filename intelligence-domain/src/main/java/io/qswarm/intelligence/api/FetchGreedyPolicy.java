package io.qswarm.intelligence.api;

/** Asks for a table's greedy policy; answered with a {@link GreedyPolicy}, or no result if the table is unknown. */
public record FetchGreedyPolicy(QTableId tableId) {}
