package io.qswarm.intelligence.api;

import java.util.Map;

/** One state-action entry as read models and exports show it. */
public record QTableEntry(
        StateKey state, String action, double q, long visits, Map<String, Long> visitsByOrigin, double confidence) {}
