package io.qswarm.projections.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The read models of QSwarm: each one's processing group (the name operators use to rebuild it) and the SQL tables it
 * owns, with the key that orders their rows for a {@link ReadModelDigest content hash}.
 */
public enum ReadModel {
    TABLE_SUMMARY(
            "table-summary",
            new OwnedTable("table_summary", "table_id"),
            new OwnedTable("table_entry", "table_id, state, action")),
    MERGE_HISTORY("merge-history", new OwnedTable("merge_history", "table_id, sequence_number")),
    CONFIDENCE(
            "confidence",
            new OwnedTable("confidence_table", "table_id"),
            new OwnedTable("confidence_state", "table_id, state"),
            new OwnedTable("confidence_entry", "table_id, state, action")),
    EXPLORATION(
            "exploration",
            new OwnedTable("exploration_table", "table_id"),
            new OwnedTable("exploration_point", "table_id, batch")),
    EDGE_SCORE(
            "edge-score",
            new OwnedTable("edge_table", "table_id"),
            new OwnedTable("edge_action_category", "table_id, action"),
            new OwnedTable("edge_score", "table_id, pattern, category, regime"),
            new OwnedTable("edge_history", "table_id, pattern, category, regime"),
            new OwnedTable("edge_regime_stats", "table_id, regime, category"));

    private final String processingGroup;
    private final List<OwnedTable> tables;

    ReadModel(String processingGroup, OwnedTable... tables) {
        this.processingGroup = processingGroup;
        this.tables = List.of(tables);
    }

    public String processingGroup() {
        return processingGroup;
    }

    public List<OwnedTable> tables() {
        return tables;
    }

    public static Optional<ReadModel> named(String processingGroup) {
        return Arrays.stream(values())
                .filter(model -> model.processingGroup.equals(processingGroup))
                .findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(ReadModel::processingGroup).toList();
    }

    /** A table of a read model and the columns that order its rows uniquely. */
    public record OwnedTable(String name, String orderBy) {}
}
