package io.qswarm.intelligence.api;

import java.time.Instant;
import java.util.List;

/** What an operator wants to know about a table at a glance. */
public record QTableSummary(
        QTableId tableId,
        AgentId agentId,
        List<ActionSpec> actions,
        LearningRule rule,
        double alpha,
        double gamma,
        ExplorationSchedule exploration,
        double epsilon,
        long episodes,
        long entries,
        long states,
        long totalVisits,
        double meanConfidence,
        long updates,
        long merges,
        Instant lastEventAt) {}
