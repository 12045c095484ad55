package io.qswarm.intelligence.api;

import java.util.SortedMap;

/** The greedy action of every state the table has seen (see {@link ActionSpace#greedy}). */
public record GreedyPolicy(QTableId tableId, SortedMap<String, String> actionByState) {}
