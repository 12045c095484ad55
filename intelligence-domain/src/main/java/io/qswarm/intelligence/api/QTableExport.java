package io.qswarm.intelligence.api;

import java.util.List;

/**
 * A whole table as portable JSON: its definition and every entry with value, visits per origin and confidence. The
 * entries can be sent to a peer as {@link PeerEntry peer entries} unchanged.
 */
public record QTableExport(
        int formatVersion,
        QTableId tableId,
        AgentId agentId,
        List<ActionSpec> actions,
        LearningRule rule,
        double alpha,
        double gamma,
        double epsilon,
        List<QTableEntry> entries) {

    public static final int FORMAT_VERSION = 1;
}
