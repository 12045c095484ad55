package io.qswarm.federation.participant;

import io.qswarm.intelligence.api.QTableId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each local table answered at its last few versions: the visits of every entry, per version. The responder
 * computes a delta against the baseline of the version it is asked about; a version it does not remember (after a
 * restart, or too old) is answered in full, which is always correct because merges count only new experiences.
 * Memory: one entry key and one count per table entry and remembered version.
 */
public final class KnowledgeBaselines {

    public static final int DEFAULT_VERSIONS_PER_TABLE = 4;

    private final int versionsPerTable;
    private final Map<QTableId, LinkedHashMap<Long, Map<String, Long>>> baselines = new ConcurrentHashMap<>();

    public KnowledgeBaselines() {
        this(DEFAULT_VERSIONS_PER_TABLE);
    }

    public KnowledgeBaselines(int versionsPerTable) {
        if (versionsPerTable < 1) {
            throw new IllegalArgumentException("remember at least 1 version per table, was " + versionsPerTable);
        }
        this.versionsPerTable = versionsPerTable;
    }

    /** The visits per entry key of {@code table} at {@code version}, if remembered. */
    public Optional<Map<String, Long>> at(QTableId table, long version) {
        var versions = baselines.get(table);
        if (versions == null) {
            return Optional.empty();
        }
        synchronized (versions) {
            return Optional.ofNullable(versions.get(version));
        }
    }

    /** Remembers {@code visits} as the baseline of {@code table} at {@code version}, forgetting the oldest. */
    public void remember(QTableId table, long version, Map<String, Long> visits) {
        var versions = baselines.computeIfAbsent(table, t -> new LinkedHashMap<>());
        synchronized (versions) {
            versions.remove(version);
            versions.put(version, Map.copyOf(visits));
            while (versions.size() > versionsPerTable) {
                versions.remove(versions.keySet().iterator().next());
            }
        }
    }
}
