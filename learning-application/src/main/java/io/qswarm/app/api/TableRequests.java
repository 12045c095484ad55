package io.qswarm.app.api;

import io.qswarm.intelligence.api.ActionSpec;
import io.qswarm.intelligence.api.Experience;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.api.PeerEntry;
import java.util.List;

/** Request bodies of the table API. Absent optional fields take the documented defaults. */
final class TableRequests {

    private TableRequests() {}

    /**
     * Creates a table. Defaults: a generated {@code tableId}, rule {@code Q_LEARNING}, {@code alpha} 0.1,
     * {@code gamma} 0.95, exploration constant 0.1.
     */
    record CreateTable(
            String tableId,
            String agentId,
            List<ActionSpec> actions,
            LearningRule rule,
            Double alpha,
            Double gamma,
            ExplorationSchedule exploration) {}

    /** Records a batch; {@code endsEpisode} defaults to true. */
    record RecordBatch(String idempotencyKey, Boolean endsEpisode, List<Experience> experiences) {}

    /**
     * Merges peer knowledge: either {@code entries} sent by the caller, or the whole of another table of this
     * deployment named by {@code fromTable}.
     */
    record Merge(String peer, String round, MergeStrategy strategy, List<PeerEntry> entries, String fromTable) {}

    /** Answer to a created table. */
    record Created(String tableId, String location) {}
}
