package io.qswarm.intelligence.api;

import java.time.Instant;
import java.util.List;

/** A page of tables, each at a glance, and the number of tables in all. */
public record QTableList(List<Listing> tables, int page, int size, long total) {

    /** One table at a glance. */
    public record Listing(
            QTableId tableId,
            AgentId agentId,
            LearningRule rule,
            double epsilon,
            long episodes,
            long updates,
            long merges,
            Instant lastEventAt) {}
}
